using Switchyard.Core.Security.HttpSecurity;

namespace Switchyard.Core.Configuration.Parsing;

/// <summary>Reads the service's <c>security/http</c> namespace.</summary>
internal static class HttpSecurityOptionsParser
{
    public static HttpSecurityOptions? Parse(ExtraConfigSection extraConfig, ConfigProblems problems)
    {
        var reader = extraConfig.Open(NamespaceAliases.SecurityHttp, problems);
        if (reader is null)
        {
            return null;
        }

        var options = new HttpSecurityOptions
        {
            AllowedHosts = reader.Strings("allowed_hosts"),
            AllowedHostsAreRegex = reader.Bool("allowed_hosts_are_regex"),
            HostProxyHeaders = reader.Strings("host_proxy_headers"),
            StsSeconds = reader.Int("sts_seconds") ?? 0,
            StsIncludeSubdomains = reader.Bool("sts_include_subdomains"),
            ForceStsHeader = reader.Bool("force_sts_header"),
            FrameDeny = reader.Bool("frame_deny"),
            CustomFrameOptionsValue = reader.String("custom_frame_options_value") ?? "",
            ContentTypeNosniff = reader.Bool("content_type_nosniff"),
            BrowserXssFilter = reader.Bool("browser_xss_filter"),
            ContentSecurityPolicy = reader.String("content_security_policy") ?? "",
            ReferrerPolicy = reader.String("referrer_policy") ?? "",
            SslRedirect = reader.Bool("ssl_redirect"),
            SslHost = reader.String("ssl_host") ?? "",
            SslProxyHeaders = reader.StringMap("ssl_proxy_headers"),
            IsDevelopment = reader.Bool("is_development"),
        };

        // HTTP Public Key Pinning: KrakenD's schema lists the key but its code never reads it (unrolled/secure dropped
        // HPKP), and browsers removed HPKP in 2018, so no header could pin anything. Accepted, and ignored as KrakenD does.
        _ = reader.String("hpkp_public_key");
        reader.ReportUnknownKeys();
        return options;
    }
}
