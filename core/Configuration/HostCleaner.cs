using System.Text.RegularExpressions;

namespace Switchyard.Core.Configuration;

/// <summary>
/// Normalises backend hosts as lura's URI parser does: a missing scheme becomes <c>http://</c> and one
/// trailing <c>/</c> is dropped (<c>supu</c> → <c>http://supu</c>, <c>https://supu.local/</c> →
/// <c>https://supu.local</c>). Anything beyond scheme, name and port, such as a path, is an invalid host.
/// </summary>
internal static partial class HostCleaner
{
    public const string InvalidHost = "invalid host";

    public static bool TryClean(string host, out string cleaned)
    {
        var match = HostPattern().Match(host);
        if (!match.Success)
        {
            cleaned = host;
            return false;
        }

        var scheme = match.Groups["scheme"].Success ? match.Groups["scheme"].Value : "http://";
        cleaned = scheme + match.Groups["name"].Value + match.Groups["port"].Value;
        return true;
    }

    [GeneratedRegex(@"^(?<scheme>https?://)?(?<name>[a-zA-Z0-9._\-]+)(?<port>:[0-9]{2,6})?/?$")]
    private static partial Regex HostPattern();
}
