namespace Switchyard.Core.Configuration.Validation;

/// <summary>
/// Two published endpoints cannot answer the same method and route (<c>/u/{id}</c> and <c>/u/{name}</c> are the same
/// route). Workflows publish no route, so their names may repeat.
/// </summary>
internal sealed class DuplicateEndpointValidator : IConfigValidator
{
    public void Validate(ServiceConfig config, ConfigProblems problems)
    {
        var first = new Dictionary<string, EndpointConfig>(StringComparer.Ordinal);
        foreach (var endpoint in config.Endpoints)
        {
            if (endpoint.Endpoint.Length == 0)
            {
                continue;
            }

            var key = endpoint.Method + " " + EndpointRoute.Key(endpoint.Endpoint);
            if (!first.TryAdd(key, endpoint))
            {
                problems.Error(
                    endpoint.JsonPath + ".endpoint",
                    $"duplicate endpoint {endpoint.Method} {endpoint.Endpoint} (already declared at {first[key].JsonPath})");
            }
        }
    }
}
