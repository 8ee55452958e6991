using Switchyard.Core.Pipeline.Formatting;

namespace Switchyard.Core.Pipeline;

/// <summary>The endpoint's <c>proxy.flatmap_filter</c>, applied to the merged data (only endpoints with several backends).</summary>
internal static class EndpointFlatmapProxy
{
    public static Proxy Create(FlatmapFilter filter, Proxy next) =>
        async (request, cancellationToken) =>
        {
            var response = await next(request, cancellationToken).ConfigureAwait(false);
            // As KrakenD does, a response that carries an error is left as it is.
            if (response.Data is null || response.Error is not null)
            {
                return response;
            }

            return new ProxyResponse { Data = filter.Apply(response.Data), IsComplete = response.IsComplete };
        };
}
