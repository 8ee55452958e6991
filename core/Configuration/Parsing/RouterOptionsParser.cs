namespace Switchyard.Core.Configuration.Parsing;

/// <summary>Reads the root <c>router</c> namespace; its other keys are reported as unsupported.</summary>
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
        };
        reader.ReportUnknownKeys();
        return options;
    }
}
