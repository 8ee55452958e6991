namespace Switchyard.Core.Security.Cors;

/// <summary>
/// The origins of <c>allow_origins</c>: every origin (none listed, or <c>*</c> among them), exact origins, and origins
/// with one wildcard that stands for zero or more characters (<c>https://*.example.com</c>). Matching ignores case, as
/// rs/cors does (the CORS standard compares exactly, but origins written in another case would then never match).
/// </summary>
public sealed class CorsOrigins
{
    private readonly HashSet<string> _exact = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<(string Prefix, string Suffix)> _wildcards = [];

    /// <summary>Reads <paramref name="origins"/>, the entries of <c>allow_origins</c>.</summary>
    public CorsOrigins(IReadOnlyList<string> origins)
    {
        ArgumentNullException.ThrowIfNull(origins);
        AllowsAll = origins.Count == 0;
        foreach (var origin in origins)
        {
            if (origin == Wildcard)
            {
                AllowsAll = true;
                break;
            }

            // Like rs/cors, the first '*' splits the entry; a second one is refused by the configuration's validation.
            var star = origin.IndexOf('*', StringComparison.Ordinal);
            if (star < 0)
            {
                _exact.Add(origin);
            }
            else
            {
                _wildcards.Add((origin[..star], origin[(star + 1)..]));
            }
        }
    }

    /// <summary>The entry that allows every origin.</summary>
    public const string Wildcard = "*";

    /// <summary>True when every origin is allowed: answers then say <c>Access-Control-Allow-Origin: *</c>.</summary>
    public bool AllowsAll { get; }

    /// <summary>Whether <paramref name="origin"/> (the request's <c>Origin</c>) may read answers.</summary>
    public bool Allows(string origin)
    {
        ArgumentNullException.ThrowIfNull(origin);
        if (AllowsAll || _exact.Contains(origin))
        {
            return true;
        }

        foreach (var (prefix, suffix) in _wildcards)
        {
            if (origin.Length >= prefix.Length + suffix.Length
                && origin.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
                && origin.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
