namespace Switchyard.Core.Configuration.Validation;

/// <summary>
/// An unknown output encoding is legal in KrakenD (the single backend's rendering, else JSON, is used) but
/// is most likely a typo, so it is a warning. An endpoint value equal to the service's is reported there; a
/// workflow's value is its own (workflows do not inherit the service's).
/// </summary>
internal sealed class OutputEncodingValidator : IConfigValidator
{
    private static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        EncodingNames.Json, EncodingNames.FastJson, EncodingNames.JsonCollection, EncodingNames.String,
        EncodingNames.Xml, EncodingNames.Yaml, EncodingNames.Negotiate, EncodingNames.NoOp,
    };

    public void Validate(ServiceConfig config, ConfigProblems problems)
    {
        Check(config.OutputEncoding, "output_encoding", problems);
        foreach (var node in EndpointNode.All(config))
        {
            if (node.IsWorkflow || node.Endpoint.OutputEncoding != config.OutputEncoding)
            {
                Check(node.Endpoint.OutputEncoding, node.Endpoint.JsonPath + ".output_encoding", problems);
            }
        }
    }

    private static void Check(string encoding, string path, ConfigProblems problems)
    {
        if (!Known.Contains(encoding))
        {
            problems.Warning(path, $"unknown output encoding '{encoding}' (the backend's encoding or json is used)");
        }
    }
}
