namespace Switchyard.Core.Security.HttpSecurity;

/// <summary>
/// The service's <c>security/http</c> namespace: the host check, the HTTPS redirect and the security headers of every
/// answer, with the rules of KrakenD's layer (unrolled/secure 1.15).
/// </summary>
public sealed record HttpSecurityOptions
{
    /// <summary>
    /// The hosts the gateway answers for (<c>allowed_hosts</c>), with their port when clients send one; any other host
    /// gets 500 <c>Bad Host</c>. <value>The default value is empty: every host.</value>
    /// </summary>
    public IReadOnlyList<string> AllowedHosts { get; init; } = [];

    /// <summary>
    /// Read <see cref="AllowedHosts"/> as RE2 regular expressions matched against the whole host
    /// (<c>allowed_hosts_are_regex</c>). <value>The default value is false: exact names, ignoring case.</value>
    /// </summary>
    public bool AllowedHostsAreRegex { get; init; }

    /// <summary>
    /// Headers that carry the host a proxy received (<c>host_proxy_headers</c>, such as <c>X-Forwarded-Host</c>); the
    /// first one present replaces the <c>Host</c> header. <value>The default value is empty.</value>
    /// </summary>
    public IReadOnlyList<string> HostProxyHeaders { get; init; } = [];

    /// <summary>
    /// The <c>max-age</c> of <c>Strict-Transport-Security</c> in seconds (<c>sts_seconds</c>); 0 sends no header.
    /// <value>The default value is 0.</value>
    /// </summary>
    public int StsSeconds { get; init; }

    /// <summary>Add <c>; includeSubDomains</c> to HSTS (<c>sts_include_subdomains</c>). <value>The default value is false.</value></summary>
    public bool StsIncludeSubdomains { get; init; }

    /// <summary>
    /// Send HSTS over plain HTTP too (<c>force_sts_header</c>), for a gateway behind a TLS proxy that sets no
    /// <see cref="SslProxyHeaders"/>. <value>The default value is false: HSTS only over HTTPS.</value>
    /// </summary>
    public bool ForceStsHeader { get; init; }

    /// <summary>Send <c>X-Frame-Options: DENY</c> (<c>frame_deny</c>). <value>The default value is false.</value></summary>
    public bool FrameDeny { get; init; }

    /// <summary>
    /// The <c>X-Frame-Options</c> value (<c>custom_frame_options_value</c>, such as <c>SAMEORIGIN</c>); wins over
    /// <see cref="FrameDeny"/>. <value>The default value is empty.</value>
    /// </summary>
    public string CustomFrameOptionsValue { get; init; } = "";

    /// <summary>Send <c>X-Content-Type-Options: nosniff</c> (<c>content_type_nosniff</c>). <value>The default value is false.</value></summary>
    public bool ContentTypeNosniff { get; init; }

    /// <summary>Send <c>X-XSS-Protection: 1; mode=block</c> (<c>browser_xss_filter</c>). <value>The default value is false.</value></summary>
    public bool BrowserXssFilter { get; init; }

    /// <summary>
    /// The <c>Content-Security-Policy</c> value (<c>content_security_policy</c>); <c>$NONCE</c> in it becomes a fresh
    /// <c>'nonce-…'</c> on every answer. <value>The default value is empty: no header.</value>
    /// </summary>
    public string ContentSecurityPolicy { get; init; } = "";

    /// <summary>The <c>Referrer-Policy</c> value (<c>referrer_policy</c>). <value>The default value is empty: no header.</value></summary>
    public string ReferrerPolicy { get; init; } = "";

    /// <summary>
    /// Answer plain-HTTP requests with 301 to their HTTPS address (<c>ssl_redirect</c>).
    /// <value>The default value is false.</value>
    /// </summary>
    public bool SslRedirect { get; init; }

    /// <summary>
    /// The host of the HTTPS address redirects point to (<c>ssl_host</c>). <value>The default value is empty: the request's host.</value>
    /// </summary>
    public string SslHost { get; init; } = "";

    /// <summary>
    /// Header name and exact value pairs that mark a request as received over HTTPS by a proxy (<c>ssl_proxy_headers</c>,
    /// such as <c>X-Forwarded-Proto: https</c>). <value>The default value is empty.</value>
    /// </summary>
    public IReadOnlyDictionary<string, string> SslProxyHeaders { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Development mode (<c>is_development</c>): no host check, no HTTPS redirect and no HSTS; the other headers stay.
    /// <value>The default value is false.</value>
    /// </summary>
    public bool IsDevelopment { get; init; }
}
