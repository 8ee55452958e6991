using System.Globalization;
using System.Security.Cryptography;

namespace Switchyard.Core.Security.HttpSecurity;

/// <summary>
/// Decides what <c>security/http</c> does to one request, in unrolled/secure's order: the host check (500 <c>Bad Host</c>),
/// then the HTTPS redirect (301), then the security headers of the answer. Built once from
/// <see cref="HttpSecurityOptions"/>; thread-safe.
/// </summary>
public sealed class HttpSecurityPolicy
{
    private const string NoncePlaceholder = "$NONCE";
    private const int NonceBytes = 16;

    private readonly HttpSecurityOptions _options;
    private readonly AllowedHosts _allowedHosts;
    private readonly HttpSecurityVerdict _passOverHttps;
    private readonly HttpSecurityVerdict _passOverHttp;
    private readonly bool _cspHasNonce;

    /// <summary>Builds the policy of <paramref name="options"/>, a validated configuration.</summary>
    public HttpSecurityPolicy(HttpSecurityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _allowedHosts = new AllowedHosts(options.AllowedHosts, options.AllowedHostsAreRegex);
        _cspHasNonce = options.ContentSecurityPolicy.Contains(NoncePlaceholder, StringComparison.Ordinal);
        _passOverHttps = new HttpSecurityVerdict(HttpSecurityOutcome.Pass, Headers(overHttps: true, nonce: null));
        _passOverHttp = new HttpSecurityVerdict(HttpSecurityOutcome.Pass, Headers(overHttps: false, nonce: null));
    }

    /// <summary>Decides for one request.</summary>
    /// <param name="host">The <c>Host</c> header as sent (with its port, if any).</param>
    /// <param name="isHttps">True when the connection to the gateway is TLS.</param>
    /// <param name="target">The raw path and query as sent (<c>/a?b=1</c>), for the redirect's address.</param>
    /// <param name="headers">The request's headers, for <c>host_proxy_headers</c> and <c>ssl_proxy_headers</c>.</param>
    public HttpSecurityVerdict Check<THeaders>(string host, bool isHttps, string target, THeaders headers)
        where THeaders : IRequestHeaders
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(target);
        host = ProxiedHost(headers) ?? host;
        if (!_options.IsDevelopment && !_allowedHosts.Allows(host))
        {
            return HttpSecurityVerdict.BadHost;
        }

        var overHttps = isHttps || IsHttpsAtProxy(headers);
        if (_options.SslRedirect && !overHttps && !_options.IsDevelopment)
        {
            var location = HttpsLocation.Build(_options.SslHost.Length > 0 ? _options.SslHost : host, target);
            return new HttpSecurityVerdict(HttpSecurityOutcome.RedirectToHttps, [], location);
        }

        if (_cspHasNonce)
        {
            return new HttpSecurityVerdict(HttpSecurityOutcome.Pass, Headers(overHttps, NewNonce()));
        }

        return overHttps ? _passOverHttps : _passOverHttp;
    }

    private string? ProxiedHost<THeaders>(THeaders headers)
        where THeaders : IRequestHeaders
    {
        foreach (var name in _options.HostProxyHeaders)
        {
            if (headers.First(name) is { Length: > 0 } proxied)
            {
                return proxied;
            }
        }

        return null;
    }

    private bool IsHttpsAtProxy<THeaders>(THeaders headers)
        where THeaders : IRequestHeaders
    {
        foreach (var (name, value) in _options.SslProxyHeaders)
        {
            if (headers.First(name) == value)
            {
                return true;
            }
        }

        return false;
    }

    private List<KeyValuePair<string, string>> Headers(bool overHttps, string? nonce)
    {
        var headers = new List<KeyValuePair<string, string>>();

        // HSTS only over TLS (RFC 6797 §7.2: a browser ignores it over plain HTTP), unless forced for a TLS proxy.
        if (_options.StsSeconds != 0 && (overHttps || _options.ForceStsHeader) && !_options.IsDevelopment)
        {
            var subdomains = _options.StsIncludeSubdomains ? "; includeSubDomains" : "";
            headers.Add(new("Strict-Transport-Security", string.Create(CultureInfo.InvariantCulture, $"max-age={_options.StsSeconds}{subdomains}")));
        }

        if (_options.CustomFrameOptionsValue.Length > 0)
        {
            headers.Add(new("X-Frame-Options", _options.CustomFrameOptionsValue));
        }
        else if (_options.FrameDeny)
        {
            headers.Add(new("X-Frame-Options", "DENY"));
        }

        if (_options.ContentTypeNosniff)
        {
            headers.Add(new("X-Content-Type-Options", "nosniff"));
        }

        if (_options.BrowserXssFilter)
        {
            headers.Add(new("X-XSS-Protection", "1; mode=block"));
        }

        if (_options.ContentSecurityPolicy.Length > 0)
        {
            var policy = nonce is null
                ? _options.ContentSecurityPolicy
                : _options.ContentSecurityPolicy.Replace(NoncePlaceholder, $"'nonce-{nonce}'", StringComparison.Ordinal);
            headers.Add(new("Content-Security-Policy", policy));
        }

        if (_options.ReferrerPolicy.Length > 0)
        {
            headers.Add(new("Referrer-Policy", _options.ReferrerPolicy));
        }

        return headers;
    }

    // 16 random bytes in unpadded base64, as unrolled/secure makes its nonces.
    private static string NewNonce() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(NonceBytes)).TrimEnd('=');
}
