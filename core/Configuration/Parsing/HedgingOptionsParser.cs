using Switchyard.Core.Pipeline;

namespace Switchyard.Core.Configuration.Parsing;

/// <summary>
/// Reads Switchyard's <c>switchyard/hedging</c> of an endpoint, a workflow or an async agent. Ranges, and the agreement
/// with <c>concurrent_calls</c>, are checked by <c>HedgingValidator</c>.
/// </summary>
internal static class HedgingOptionsParser
{
    public const string Namespace = "switchyard/hedging";

    /// <summary>The options, or null when the object has no <c>switchyard/hedging</c>.</summary>
    public static HedgingOptions? Parse(ExtraConfigSection extraConfig, ConfigProblems problems)
    {
        if (extraConfig.Open(Namespace, problems) is not { } reader)
        {
            return null;
        }

        // Left out, both read as zero, which the validator reports as out of range at their path.
        var options = new HedgingOptions
        {
            Delay = reader.Duration("delay") ?? TimeSpan.Zero,
            MaxCalls = reader.Int("max_calls") ?? 0,
        };
        reader.ReportUnknownKeys();
        return options;
    }
}
