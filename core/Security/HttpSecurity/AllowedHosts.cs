using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using Switchyard.Core.RegularExpressions;

namespace Switchyard.Core.Security.HttpSecurity;

/// <summary>
/// The hosts of <c>allowed_hosts</c>: exact names compared ignoring case, or RE2 expressions that must match the whole
/// host (<c>allowed_hosts_are_regex</c>, each entry read as <c>^entry$</c>, as unrolled/secure compiles it).
/// </summary>
public sealed class AllowedHosts
{
    private readonly HashSet<string> _exact = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<Regex> _patterns = [];

    /// <summary>Reads the entries; with <paramref name="areRegex"/>, each one must compile (see <see cref="TryCompile"/>).</summary>
    /// <exception cref="ArgumentException">An entry is not a valid expression: the configuration was not validated.</exception>
    public AllowedHosts(IReadOnlyList<string> hosts, bool areRegex)
    {
        ArgumentNullException.ThrowIfNull(hosts);
        AllowsAny = hosts.Count == 0;
        foreach (var host in hosts)
        {
            if (!areRegex)
            {
                _exact.Add(host);
            }
            else if (TryCompile(host, out var regex, out var error))
            {
                _patterns.Add(regex);
            }
            else
            {
                throw new ArgumentException(error, nameof(hosts));
            }
        }
    }

    /// <summary>True when no host is listed: the check is off.</summary>
    public bool AllowsAny { get; }

    /// <summary>Compiles one <c>allowed_hosts</c> entry as a whole-host expression; on failure <paramref name="error"/> says why.</summary>
    public static bool TryCompile(string entry, [NotNullWhen(true)] out Regex? regex, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return Re2Regex.TryCompile("^" + entry + "$", out regex, out error);
    }

    /// <summary>Whether <paramref name="host"/> (with its port, when the client sent one) is allowed.</summary>
    public bool Allows(string host)
    {
        ArgumentNullException.ThrowIfNull(host);
        if (AllowsAny || _exact.Contains(host))
        {
            return true;
        }

        // A host no expression could judge in time is not shown to be allowed: fail closed.
        return Re2Regex.AnyMatches(_patterns, host, whenTimedOut: false);
    }
}
