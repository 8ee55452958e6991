namespace Switchyard.Core.Configuration.Parsing;

/// <summary>Reads the endpoint-level <c>proxy</c> namespace.</summary>
internal static class EndpointProxyOptionsParser
{
    public static EndpointProxyOptions Parse(ExtraConfigSection extraConfig, ConfigProblems problems)
    {
        var reader = extraConfig.Open(NamespaceAliases.Proxy, problems);
        if (reader is null)
        {
            return new EndpointProxyOptions();
        }

        var options = new EndpointProxyOptions
        {
            Sequential = reader.Bool("sequential"),
            SequentialPropagatedParams = reader.Strings("sequential_propagated_params"),
            Static = StaticDataOptionsParser.Parse(reader),
            FlatmapFilter = FlatmapFilterParser.Parse(reader),
        };
        reader.ReportUnknownKeys();
        return options;
    }
}
