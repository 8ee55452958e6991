using Switchyard.Core.Configuration;

namespace Switchyard.Functions.Cli;

/// <summary>A command-line duration written as in the configuration: a Go duration (<c>90s</c>, <c>24h</c>, <c>168h</c>).</summary>
internal static class DurationArgument
{
    /// <summary>Parses <paramref name="text"/>, the value of <paramref name="option"/>; on failure prints why and returns null.</summary>
    public static async Task<TimeSpan?> ParseAsync(string option, string text, TextWriter errors)
    {
        if (GoDuration.TryParse(text, out var value, out var error))
        {
            if (value >= TimeSpan.Zero)
            {
                return value;
            }

            error = "a negative duration";
        }

        // Go has no day unit: the commonest mistake gets its answer.
        await errors.WriteLineAsync($"error: {option}: {error} (a Go duration such as 90s, 24h or 168h for 7 days)").ConfigureAwait(false);
        return null;
    }
}
