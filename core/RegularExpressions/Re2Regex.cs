using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Switchyard.Core.RegularExpressions;

/// <summary>
/// Compiles the RE2 patterns a KrakenD configuration holds (Go's <c>regexp</c>) into .NET expressions that read the
/// same text the same way. They run on .NET's non-backtracking engine, which like RE2 matches in time linear in the
/// input and rejects what RE2 lacks (backreferences, lookaround), with a timeout as a last guard.
/// </summary>
internal static class Re2Regex
{
    /// <summary>How long one match may run. <value>The default value is 100 ms.</value></summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(100);

    /// <summary>Compiles <paramref name="pattern"/>; on failure <paramref name="error"/> says why.</summary>
    public static bool TryCompile(string pattern, [NotNullWhen(true)] out Regex? regex, [NotNullWhen(false)] out string? error)
    {
        try
        {
            regex = new Regex(Re2Translator.Translate(pattern), RegexOptions.NonBacktracking | RegexOptions.CultureInvariant, MatchTimeout);
            error = null;
            return true;
        }
        catch (Exception exception) when (exception is ArgumentException or NotSupportedException)
        {
            regex = null;
            error = $"invalid regular expression '{pattern}': {exception.Message}";
            return false;
        }
    }

    /// <summary>
    /// Whether any of <paramref name="patterns"/> matches somewhere in <paramref name="text"/>. A match that runs out of
    /// time counts as <paramref name="whenTimedOut"/>: the caller's fail-closed answer.
    /// </summary>
    public static bool AnyMatches(IReadOnlyList<Regex> patterns, string text, bool whenTimedOut)
    {
        foreach (var pattern in patterns)
        {
            try
            {
                if (pattern.IsMatch(text))
                {
                    return true;
                }
            }
            catch (RegexMatchTimeoutException)
            {
                if (whenTimedOut)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
