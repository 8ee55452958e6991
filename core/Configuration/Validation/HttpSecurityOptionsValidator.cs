namespace Switchyard.Core.Configuration.Validation;

/// <summary>
/// <c>security/http</c> is well formed: <c>sts_seconds</c> is not negative, <c>ssl_host</c> is a host (a scheme or path
/// there would make every redirect point nowhere), and no <c>ssl_proxy_headers</c> value is empty (a missing header would
/// then match it, and every plain-HTTP request would pass for HTTPS). Development mode is warned: it turns off the host
/// check, the HTTPS redirect and HSTS.
/// </summary>
internal sealed class HttpSecurityOptionsValidator : IConfigValidator
{
    public void Validate(ServiceConfig config, ConfigProblems problems)
    {
        if (config.HttpSecurity is not { } security)
        {
            return;
        }

        var path = NamespacePaths.HttpSecurity;
        if (security.StsSeconds < 0)
        {
            problems.Error(path + ".sts_seconds", $"must not be negative, got {security.StsSeconds}");
        }

        if (security.SslHost.AsSpan().IndexOfAny("/?#@") >= 0)
        {
            problems.Error(path + ".ssl_host", $"must be a host name with an optional port (such as 'secure.example.com'), got '{security.SslHost}'");
        }

        foreach (var (name, value) in security.SslProxyHeaders)
        {
            if (value.Length == 0)
            {
                problems.Error(
                    JsonPaths.Property(path + ".ssl_proxy_headers", name),
                    "must not be empty: a request without the header would match it and pass for HTTPS");
            }
        }

        if (security.IsDevelopment)
        {
            problems.Warning(path + ".is_development", "development mode: no host check, no HTTPS redirect and no HSTS");
        }
    }
}
