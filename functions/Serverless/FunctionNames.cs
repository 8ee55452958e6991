using System.Text;
using Switchyard.Core.Agents;

namespace Switchyard.Functions.Serverless;

/// <summary>
/// The names of the functions of a packaged app. A function's name is its folder, and the path the host POSTs its
/// invocations to (<c>POST /{name}</c>), so packaging and the invocation endpoint must agree on it.
/// </summary>
public static class FunctionNames
{
    /// <summary>The one HTTP function, catching every route and proxied to the gateway.</summary>
    public const string Http = "http";

    /// <summary>
    /// The function of an agent: its name with every character a function name cannot hold (only letters, digits,
    /// <c>_</c> and <c>-</c>, starting with a letter, at most 128) replaced by <c>_</c>, prefixed with <c>agent_</c>.
    /// </summary>
    public static string For(AsyncAgentConfig agent)
    {
        var name = new StringBuilder("agent_", 6 + agent.Name.Length);
        foreach (var c in agent.Name)
        {
            name.Append(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' ? c : '_');
        }

        return name.Length <= 128 ? name.ToString() : name.ToString(0, 128);
    }
}
