namespace Switchyard.Core.FanOut;

/// <summary>Where static subscriptions come from: an environment variable holding a JSON array.</summary>
public static class SubscriptionSources
{
    /// <summary>Switchyard's variable, read first.</summary>
    public const string Variable = "SWITCHYARD_SUBSCRIPTIONS";

    /// <summary>Leek's variable, read when <see cref="Variable"/> is not set, so a Leek deployment moves over unchanged.</summary>
    public const string LeekVariable = "LEEK_AGENT_SUBSCRIPTIONS";

    /// <summary>
    /// The static subscriptions of <paramref name="environment"/> (a variable lookup, <see cref="Environment.GetEnvironmentVariable(string)"/>
    /// by default); none when neither variable is set. Errors are prefixed with the variable's name.
    /// </summary>
    public static IReadOnlyList<Subscription> FromEnvironment(Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        foreach (var variable in (ReadOnlySpan<string>)[Variable, LeekVariable])
        {
            if (environment(variable) is not { } json || string.IsNullOrWhiteSpace(json))
            {
                continue;
            }

            try
            {
                return SubscriptionParser.ParseArray(json);
            }
            catch (SubscriptionException exception)
            {
                throw new SubscriptionException([.. exception.Errors.Select(error => $"{variable}: {error}")]);
            }
        }

        return [];
    }
}
