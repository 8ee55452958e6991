using Switchyard.Core.Configuration;
using Switchyard.Core.Encoding;
using Switchyard.Core.Pipeline.Formatting;

namespace Switchyard.Core.Pipeline;

/// <summary>
/// Composes the pipeline of an endpoint. The order of the layers, outermost first, can be read here and only here:
/// <code>
/// endpoint: shadow split → static → endpoint flatmap → merge (parallel or sequential, several backends only)
/// backend:  request builder (filters, method, url_pattern) → concurrent calls → load balancer → HTTP call
///           → status check → decode → formatter (target, allow/deny/mapping or flatmap, group)
/// </code>
/// </summary>
public sealed class ProxyFactory(HttpMessageInvoker client, DecoderRegistry decoders)
{
    /// <summary>The pipeline of a published endpoint (or of any endpoint-shaped object).</summary>
    public Proxy CreateEndpoint(EndpointConfig endpoint)
    {
        var main = endpoint.Backends.Where(b => !b.Proxy.Shadow).ToArray();
        var shadows = endpoint.Backends.Where(b => b.Proxy.Shadow).ToArray();

        var parts = main.Select(CreateBackend).ToArray();
        var proxy = parts.Length switch
        {
            1 => parts[0],
            _ when endpoint.Proxy.Sequential => SequentialMergeProxy.Create(
                endpoint.Timeout,
                parts,
                main.SelectMany(b => UrlTemplate.Parse(b.UrlPattern).Placeholders)
                    .Concat(endpoint.Proxy.SequentialPropagatedParams)),
            _ => ParallelMergeProxy.Create(endpoint.Timeout, parts),
        };

        if (parts.Length > 1 && endpoint.Proxy.FlatmapFilter.Count > 0)
        {
            proxy = EndpointFlatmapProxy.Create(FlatmapFilter.Create(endpoint.Proxy.FlatmapFilter), proxy);
        }

        if (endpoint.Proxy.Static is { } staticData)
        {
            proxy = StaticDataProxy.Create(staticData, proxy);
        }

        if (shadows.Length > 0)
        {
            var shadowTimeout = shadows.Max(b => b.Proxy.ShadowTimeout ?? b.Timeout);
            proxy = ShadowProxy.Create(proxy, [.. shadows.Select(CreateBackend)], shadowTimeout);
        }

        return proxy;
    }

    /// <summary>The pipeline of one backend, from the request builder down to the formatter.</summary>
    public Proxy CreateBackend(BackendConfig backend)
    {
        var proxy = backend.Encoding == EncodingNames.NoOp
            ? NoOpBackendProxy.Create(client)
            : HttpBackendProxy.Create(client, backend, decoders.Get(backend.Encoding), ResponseFormatter.Create(backend) is { } f ? f.Format : null);

        proxy = LoadBalancedProxy.Create(new HostBalancer(backend.Host), proxy);
        if (backend.ConcurrentCalls > 1)
        {
            proxy = ConcurrentCallsProxy.Create(backend.ConcurrentCalls, backend.Timeout, proxy);
        }

        return BackendRequestProxy.Create(backend, UrlTemplate.Parse(backend.UrlPattern), proxy);
    }
}
