namespace Switchyard.Core.Configuration.Validation;

/// <summary>
/// Agent names are unique: a name keys <c>/__health</c>'s <c>agents</c>, the agent's status and the default queue of
/// <c>async/memory</c>, so two agents sharing one would hide each other. KrakenD does not check; Switchyard does. A
/// name given by default (<c>AsyncAgent-01</c>) counts too.
/// </summary>
internal sealed class AsyncAgentNameValidator : IConfigValidator
{
    public void Validate(ServiceConfig config, ConfigProblems problems)
    {
        var first = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var agent in config.AsyncAgents)
        {
            if (!first.TryAdd(agent.Name, agent.JsonPath))
            {
                problems.Error(agent.JsonPath + ".name", $"duplicate agent name '{agent.Name}' (already used at {first[agent.Name]})");
            }
        }
    }
}
