using System.Net;

namespace Switchyard.Core.Configuration.Validation;

/// <summary>
/// The router's options: the health endpoint is served at an absolute path, every trusted proxy is an IP address or a
/// CIDR range (gin keeps its trust-everyone default on a bad list; a typo must not widen trust, so it is an error here),
/// and every client-IP header has a name.
/// </summary>
internal sealed class RouterValidator : IConfigValidator
{
    private const string Path = "extra_config.router";

    public void Validate(ServiceConfig config, ConfigProblems problems)
    {
        var router = config.Router;
        if (!router.HealthPath.StartsWith('/'))
        {
            problems.Error(Path + ".health_path", $"must start with '/', got '{router.HealthPath}'");
        }

        for (var i = 0; i < router.TrustedProxies.Count; i++)
        {
            if (!IsAddressOrRange(router.TrustedProxies[i]))
            {
                problems.Error(JsonPaths.Index(Path + ".trusted_proxies", i), $"'{router.TrustedProxies[i]}' is neither an IP address nor a CIDR range");
            }
        }

        for (var i = 0; i < router.RemoteIpHeaders.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(router.RemoteIpHeaders[i]))
            {
                problems.Error(JsonPaths.Index(Path + ".remote_ip_headers", i), "a header name is required");
            }
        }
    }

    /// <summary>An address (<c>10.0.0.1</c>, <c>::1</c>) or a range (<c>10.0.0.0/8</c>), as gin accepts them.</summary>
    public static bool IsAddressOrRange(string text) =>
        text.Contains('/', StringComparison.Ordinal) ? IPNetwork.TryParse(text, out _) : IPAddress.TryParse(text, out _);
}
