namespace Switchyard.Core.Security.HttpSecurity;

/// <summary>What <see cref="HttpSecurityPolicy"/> decided for a request.</summary>
public enum HttpSecurityOutcome
{
    /// <summary>The request goes on, and its answer carries the security headers.</summary>
    Pass,

    /// <summary>The host is not allowed: 500 <c>Bad Host</c>, nothing else runs.</summary>
    BadHost,

    /// <summary>A plain-HTTP request under <c>ssl_redirect</c>: 301 to its HTTPS address, nothing else runs.</summary>
    RedirectToHttps,
}
