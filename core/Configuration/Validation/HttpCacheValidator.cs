using Switchyard.Core.Resilience.HttpCache;

namespace Switchyard.Core.Configuration.Validation;

/// <summary>
/// Every backend's <c>qos/http-cache</c> (at any workflow depth and in agents' pipes) is bounded sensibly:
/// <c>max_items</c> at least 1, <c>max_size</c> at least 1024 bytes, as KrakenD's schema says.
/// </summary>
internal sealed class HttpCacheValidator : IConfigValidator
{
    public void Validate(ServiceConfig config, ConfigProblems problems)
    {
        foreach (var backend in EndpointNode.AllEndpoints(config).SelectMany(endpoint => endpoint.Backends))
        {
            if (backend.HttpCache is not { } cache)
            {
                continue;
            }

            var path = NamespacePaths.Of(NamespaceAliases.QosHttpCache, backend.JsonPath);
            if (cache.MaxItems < 1)
            {
                problems.Error(path + ".max_items", $"must be at least 1, got {cache.MaxItems}");
            }

            if (cache.MaxSize < HttpCacheOptions.MinMaxSize)
            {
                problems.Error(path + ".max_size", $"must be at least {HttpCacheOptions.MinMaxSize} bytes, got {cache.MaxSize}");
            }
        }
    }
}
