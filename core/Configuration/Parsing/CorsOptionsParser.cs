using Switchyard.Core.Security.Cors;

namespace Switchyard.Core.Configuration.Parsing;

/// <summary>
/// Reads the service's <c>security/cors</c> namespace. Values KrakenD would silently drop (a non-string origin, a
/// <c>max_age</c> that is not a duration) are errors here: a CORS policy must be what its file says.
/// </summary>
internal static class CorsOptionsParser
{
    public static CorsOptions? Parse(ExtraConfigSection extraConfig, ConfigProblems problems)
    {
        var reader = extraConfig.Open(NamespaceAliases.SecurityCors, problems);
        if (reader is null)
        {
            return null;
        }

        // rs/cors reads a zero status as "not set".
        var status = reader.Int("options_success_status");
        var options = new CorsOptions
        {
            AllowOrigins = reader.Strings("allow_origins"),
            AllowMethods = reader.Strings("allow_methods"),
            AllowHeaders = reader.Strings("allow_headers"),
            ExposeHeaders = reader.Strings("expose_headers"),
            AllowCredentials = reader.Bool("allow_credentials"),
            MaxAge = reader.Duration("max_age"),
            OptionsPassthrough = reader.Bool("options_passthrough"),
            OptionsSuccessStatus = status is null or 0 ? CorsOptions.DefaultOptionsSuccessStatus : status.Value,
            AllowPrivateNetwork = reader.Bool("allow_private_network"),
            Debug = reader.Bool("debug"),
        };
        reader.ReportUnknownKeys();
        return options;
    }
}
