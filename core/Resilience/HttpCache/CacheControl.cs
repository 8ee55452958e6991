using System.Globalization;
using System.Net.Http.Headers;

namespace Switchyard.Core.Resilience.HttpCache;

/// <summary>
/// The directives of a <c>Cache-Control</c> header (request or response), read leniently as caches must: names are
/// case-insensitive, a directive without a value is present with an empty one, a malformed number reads as absent.
/// </summary>
internal sealed class CacheControl
{
    private readonly Dictionary<string, string> _directives;

    private CacheControl(Dictionary<string, string> directives) => _directives = directives;

    public static CacheControl Of(HttpHeaders headers)
    {
        var directives = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (headers.TryGetValues("Cache-Control", out var values))
        {
            foreach (var value in values)
            {
                foreach (var part in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    var equals = part.IndexOf('=', StringComparison.Ordinal);
                    var name = equals < 0 ? part : part[..equals].Trim();
                    directives[name] = equals < 0 ? "" : part[(equals + 1)..].Trim().Trim('"');
                }
            }
        }

        return new CacheControl(directives);
    }

    public bool Has(string directive) => _directives.ContainsKey(directive);

    /// <summary>The seconds of <paramref name="directive"/> (<c>max-age=60</c>), or null when absent or not a number.</summary>
    public TimeSpan? Seconds(string directive) =>
        _directives.TryGetValue(directive, out var value)
        && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(Math.Min(seconds, (long)TimeSpan.MaxValue.TotalSeconds / 2))
            : null;

    /// <summary>True when <paramref name="directive"/> is present without a value (<c>max-stale</c> alone).</summary>
    public bool HasNoValue(string directive) => _directives.TryGetValue(directive, out var value) && value.Length == 0;
}
