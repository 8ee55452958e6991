namespace Switchyard.Core.Configuration.Parsing;

/// <summary>Reads the backend-level <c>proxy</c> namespace.</summary>
internal static class BackendProxyOptionsParser
{
    public static BackendProxyOptions Parse(ExtraConfigSection extraConfig, ConfigProblems problems)
    {
        var reader = extraConfig.Open(NamespaceAliases.Proxy, problems);
        if (reader is null)
        {
            return new BackendProxyOptions();
        }

        var options = new BackendProxyOptions
        {
            FlatmapFilter = FlatmapFilterParser.Parse(reader),
            Shadow = reader.Bool("shadow"),
            ShadowTimeout = reader.Duration("shadow_timeout"),
        };
        reader.ReportUnknownKeys();
        return options;
    }
}
