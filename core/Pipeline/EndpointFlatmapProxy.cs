using Switchyard.Core.Pipeline.Formatting;

namespace Switchyard.Core.Pipeline;

/// <summary>The endpoint's <c>proxy.flatmap_filter</c>, applied to the merged data (only endpoints with several backends).</summary>
internal static class EndpointFlatmapProxy
{
    public static Proxy Create(FlatmapFilter filter, Proxy next) =>
        async (request, cancellationToken) => Apply(filter, await next(request, cancellationToken).ConfigureAwait(false));

    /// <summary>The response with the filter applied to its data (a durable pipe applies it too).</summary>
    public static ProxyResponse Apply(FlatmapFilter filter, ProxyResponse response) =>
        // As KrakenD does, a response that carries an error is left as it is.
        response.Data is null || response.Error is not null
            ? response
            : new ProxyResponse { Data = filter.Apply(response.Data), IsComplete = response.IsComplete };
}
