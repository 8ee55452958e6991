using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using Switchyard.Core.RegularExpressions;

namespace Switchyard.Core.Policies.Cel;

/// <summary>
/// Regular expressions for <c>matches</c>: RE2 patterns compiled by <see cref="Re2Regex"/>, with a cache for the
/// patterns met at run time.
/// </summary>
internal static class CelRegex
{
    /// <summary>How long one match may run. <value>The default value is 100 ms.</value></summary>
    public static readonly TimeSpan MatchTimeout = Re2Regex.MatchTimeout;

    // Patterns built at run time are cached; the cap keeps hostile input from growing the cache without bound.
    private const int MaxCachedPatterns = 256;
    private static readonly ConcurrentDictionary<string, Regex> Cache = new(StringComparer.Ordinal);

    /// <summary>Compiles a pattern; on failure <paramref name="error"/> says why.</summary>
    public static bool TryCompile(string pattern, [NotNullWhen(true)] out Regex? regex, [NotNullWhen(false)] out string? error) =>
        Re2Regex.TryCompile(pattern, out regex, out error);

    /// <summary>Compiles a pattern met at run time, reusing an earlier compilation of the same text.</summary>
    public static bool TryGet(string pattern, [NotNullWhen(true)] out Regex? regex, [NotNullWhen(false)] out string? error)
    {
        if (Cache.TryGetValue(pattern, out regex))
        {
            error = null;
            return true;
        }

        if (!TryCompile(pattern, out regex, out error))
        {
            return false;
        }

        if (Cache.Count < MaxCachedPatterns)
        {
            Cache.TryAdd(pattern, regex);
        }

        return true;
    }

    /// <summary>Whether <paramref name="text"/> contains a match (CEL's <c>matches</c> is not anchored).</summary>
    public static CelValue Match(Regex regex, string text)
    {
        try
        {
            return CelValue.FromBool(regex.IsMatch(text));
        }
        catch (RegexMatchTimeoutException)
        {
            return CelValue.Error($"regular expression match timed out after {MatchTimeout.TotalMilliseconds} ms");
        }
    }
}
