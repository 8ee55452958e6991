using System.Text.Json.Nodes;
using Switchyard.Core.Configuration.Namespaces;

namespace Switchyard.Core.Configuration.Parsing;

/// <summary>
/// Reads the root <c>router</c> namespace. Its keys Switchyard does not serve are refused or warned as
/// <see cref="UnservedKeys"/> says; a key nobody knows is an error, like in every namespace that changes answers.
/// </summary>
internal static class RouterOptionsParser
{
    public static RouterOptions Parse(ExtraConfigSection extraConfig, ConfigProblems problems)
    {
        var reader = extraConfig.Open(NamespaceAliases.Router, problems);
        if (reader is null)
        {
            return new RouterOptions();
        }

        var defaults = new RouterOptions();
        var options = new RouterOptions
        {
            ReturnErrorMessage = reader.Bool("return_error_msg"),
            DisableHealth = reader.Bool("disable_health"),
            HealthPath = reader.String("health_path") ?? defaults.HealthPath,
            DisablePathDecoding = reader.Bool("disable_path_decoding"),
            ForwardedByClientIp = reader.TryGet("forwarded_by_client_ip", out _) ? reader.Bool("forwarded_by_client_ip") : defaults.ForwardedByClientIp,
            RemoteIpHeaders = reader.TryGet("remote_ip_headers", out _) ? reader.Strings("remote_ip_headers") : defaults.RemoteIpHeaders,
            TrustedProxies = reader.Strings("trusted_proxies"),
            AppEngine = reader.Bool("app_engine"),
            AutoOptions = reader.Bool("auto_options"),
            DisableRedirectTrailingSlash = reader.Bool("disable_redirect_trailing_slash"),
            DisableRedirectFixedPath = reader.Bool("disable_redirect_fixed_path"),
            DisableHandleMethodNotAllowed = reader.Bool("disable_handle_method_not_allowed"),
            RemoveExtraSlash = reader.Bool("remove_extra_slash"),
        };

        if (reader.Object("error_body") is { } errorBody)
        {
            options = options with { NotFoundBody = AnyJson(errorBody, "404"), MethodNotAllowedBody = AnyJson(errorBody, "405") };
            errorBody.ReportUnknownKeys();
        }

        // Switchyard never sends KrakenD's version header, so hiding it or not is already honoured.
        _ = reader.Bool("hide_version_header");
        UnservedKeys.Report(reader, UnservedKeys.Router);
        reader.ReportUnknownKeys();
        return options;
    }

    private static JsonNode? AnyJson(JsonObjectReader reader, string key) => reader.TryGet(key, out var value) ? ConfigJson.ToNode(value) : null;
}
