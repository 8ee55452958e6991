using Switchyard.Core.Pipeline.Formatting;

namespace Switchyard.Core.Pipeline;

/// <summary>The endpoint's <c>proxy.flatmap_filter</c>, applied to the merged data (only endpoints with several backends).</summary>
internal static class EndpointFlatmapProxy
{
    public static Proxy Create(FlatmapFilter filter, Proxy next) =>
        async (request, cancellationToken) =>
        {
            var response = await next(request, cancellationToken).ConfigureAwait(false);
            if (response.Data is not null)
            {
                filter.Apply(response.Data);
            }

            return response;
        };
}
