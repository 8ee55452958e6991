namespace Switchyard.Core.Configuration.Validation;

/// <summary>
/// The router serves GET, POST, PUT, PATCH and DELETE. KrakenD logs other methods and skips the endpoint;
/// Switchyard warns and drops it (<see cref="WithoutUnsupportedMethods"/>). Workflows are not routed: they take the
/// method of the backend that opens them.
/// </summary>
internal sealed class EndpointMethodValidator : IConfigValidator
{
    private static readonly HashSet<string> Supported = new(StringComparer.Ordinal) { "GET", "POST", "PUT", "PATCH", "DELETE" };

    public void Validate(ServiceConfig config, ConfigProblems problems)
    {
        foreach (var endpoint in config.Endpoints)
        {
            if (!Supported.Contains(endpoint.Method))
            {
                problems.Warning(endpoint.JsonPath + ".method", $"unsupported method '{endpoint.Method}' (the endpoint is ignored)");
            }
        }
    }

    /// <summary><paramref name="config"/> without the endpoints whose method the router does not serve.</summary>
    public static ServiceConfig WithoutUnsupportedMethods(ServiceConfig config) =>
        config with { Endpoints = config.Endpoints.Where(e => Supported.Contains(e.Method)).ToList() };
}
