namespace Switchyard.Core.Configuration;

/// <summary>What an endpoint inherits from its parent (the service, or for a workflow, its parent endpoint).</summary>
/// <param name="Hosts">Cleaned hosts for backends that declare none.</param>
/// <param name="Timeout">The timeout of endpoints that declare none.</param>
/// <param name="CacheTtl">The cache TTL of endpoints that declare none.</param>
/// <param name="OutputEncoding">The output encoding of endpoints that declare none.</param>
internal sealed record CascadeDefaults(
    IReadOnlyList<string> Hosts,
    TimeSpan Timeout,
    TimeSpan CacheTtl,
    string OutputEncoding)
{
    public static CascadeDefaults From(ServiceConfig service) =>
        new(service.Host, service.Timeout, service.CacheTtl, service.OutputEncoding);
}
