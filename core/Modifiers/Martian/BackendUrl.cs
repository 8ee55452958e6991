using System.Globalization;

namespace Switchyard.Core.Modifiers.Martian;

/// <summary>
/// The backend request's URL as Go's <c>url.URL</c> holds it while martian works on it: the host as written (an explicit
/// port kept, even a scheme's default one), the path as it goes on the wire and the raw query. Switchyard's backend URLs
/// are built verbatim, so their text is read directly rather than through <see cref="Uri"/>, which would drop a default
/// port or re-encode the path.
/// </summary>
internal sealed class BackendUrl
{
    private BackendUrl(string scheme, string host, string rawPath, string rawQuery)
    {
        Scheme = scheme;
        Host = host;
        RawPath = rawPath;
        RawQuery = rawQuery;
    }

    /// <summary>The scheme, <c>http</c> or <c>https</c>.</summary>
    public string Scheme { get; set; }

    /// <summary>Host and optional port, as written (<c>127.0.0.1:8080</c>).</summary>
    public string Host { get; set; }

    /// <summary>The path as sent (escaped), starting with <c>/</c>, or empty.</summary>
    public string RawPath { get; set; }

    /// <summary>The query without its <c>?</c>, as sent.</summary>
    public string RawQuery { get; set; }

    /// <summary>The decoded path (Go's <c>URL.Path</c>), which filters compare.</summary>
    public string Path => Uri.UnescapeDataString(RawPath);

    /// <summary>The port written in <see cref="Host"/>, or null when it has none.</summary>
    public int? ExplicitPort
    {
        get
        {
            var colon = PortColon(Host);
            return colon >= 0 && int.TryParse(Host.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) ? port : null;
        }
    }

    /// <summary>The port a connection uses: the written one, else the scheme's (80, 443), else null.</summary>
    public int? EffectivePort => ExplicitPort ?? Scheme switch
    {
        "http" => 80,
        "https" => 443,
        _ => null,
    };

    /// <summary>The host name without its port (brackets of an IPv6 address kept).</summary>
    public string HostName => PortColon(Host) is var colon and >= 0 ? Host[..colon] : Host;

    public static BackendUrl Parse(Uri uri)
    {
        var text = uri.OriginalString;
        var schemeEnd = text.IndexOf("://", StringComparison.Ordinal);
        var scheme = text[..schemeEnd].ToLowerInvariant();
        var hostStart = schemeEnd + 3;
        var hostEnd = text.IndexOfAny(['/', '?', '#'], hostStart);
        if (hostEnd < 0)
        {
            return new BackendUrl(scheme, text[hostStart..], "", "");
        }

        var host = text[hostStart..hostEnd];
        var rest = text.AsSpan(hostEnd);
        var fragment = rest.IndexOf('#');
        if (fragment >= 0)
        {
            rest = rest[..fragment];
        }

        var question = rest.IndexOf('?');
        return question < 0
            ? new BackendUrl(scheme, host, rest.ToString(), "")
            : new BackendUrl(scheme, host, rest[..question].ToString(), rest[(question + 1)..].ToString());
    }

    /// <summary>Go's <c>URL.String()</c>: <c>scheme://host/path?query</c>, the <c>?</c> only with a query.</summary>
    public override string ToString() =>
        RawQuery.Length == 0 ? $"{Scheme}://{Host}{RawPath}" : $"{Scheme}://{Host}{RawPath}?{RawQuery}";

    // The colon before a port: the last one, after the closing bracket of an IPv6 literal.
    private static int PortColon(string host)
    {
        var colon = host.LastIndexOf(':');
        return colon > host.LastIndexOf(']') ? colon : -1;
    }
}
