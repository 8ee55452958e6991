using Switchyard.Core.Configuration;
using Switchyard.Core.FanOut;

namespace Switchyard.Functions.Cli;

/// <summary>
/// Validates the static fan-out subscriptions of <c>SWITCHYARD_SUBSCRIPTIONS</c> (or Leek's <c>LEEK_AGENT_SUBSCRIPTIONS</c>)
/// as part of the configuration, so <c>check</c> reports them and <c>run</c> refuses to start on a bad one like on any
/// other configuration error: each problem with its field path, exit code 1, no stack trace.
/// </summary>
internal static class StaticSubscriptionCheck
{
    /// <summary>The result, with the subscriptions' errors added (and no configuration) when any is wrong.</summary>
    /// <param name="result">The configuration's load.</param>
    /// <param name="environment">A variable lookup. <value>The default value is <see cref="Environment.GetEnvironmentVariable(string)"/>.</value></param>
    public static ConfigLoadResult Apply(ConfigLoadResult result, Func<string, string?>? environment = null)
    {
        try
        {
            SubscriptionSources.FromEnvironment(environment);
            return result;
        }
        catch (SubscriptionException exception)
        {
            return result with { Config = null, Errors = [.. result.Errors, .. exception.Errors.Select(Problem)] };
        }
    }

    /// <summary><c>VARIABLE: subscriptions[0].field: message</c> as a problem whose path is the variable and the field.</summary>
    private static ConfigProblem Problem(string error)
    {
        var variableEnd = error.IndexOf(": ", StringComparison.Ordinal);
        var fieldEnd = variableEnd < 0 ? -1 : error.IndexOf(": ", variableEnd + 2, StringComparison.Ordinal);
        return fieldEnd < 0 ? new ConfigProblem(ConfigProblem.RootPath, error) : new ConfigProblem(error[..fieldEnd], error[(fieldEnd + 2)..]);
    }
}
