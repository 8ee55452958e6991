using System.Diagnostics;
using Switchyard.Core.Pipeline;

namespace Switchyard.Core.Telemetry.Tracing;

/// <summary>
/// A layer's call inside its own span: the span started around the call (so it is the current one for everything the
/// call does), described by the layer when it is recorded, and its status ended with the answer (<see cref="SpanStatus"/>).
/// Nobody listening, the call is the layer's own: not even an async frame is added; listened to, one async frame holds
/// both the span and the call.
/// </summary>
/// <param name="name">The span's name.</param>
/// <param name="kind">The span's kind.</param>
/// <param name="describe">Sets the layer's attributes on a recorded span, from the request.</param>
internal sealed class SpannedCall(string name, ActivityKind kind, Action<Activity, ProxyRequest> describe)
{
    /// <summary><paramref name="next"/>, inside the span.</summary>
    public Proxy Wrap(Proxy next) =>
        (request, cancellationToken) => GatewayTracing.Source.HasListeners() ? RunAsync(next, request, cancellationToken) : next(request, cancellationToken);

    private async ValueTask<ProxyResponse> RunAsync(Proxy next, ProxyRequest request, CancellationToken cancellationToken)
    {
        using var span = GatewayTracing.Source.StartActivity(name, kind);
        if (span is null)
        {
            return await next(request, cancellationToken).ConfigureAwait(false);
        }

        if (span.IsAllDataRequested)
        {
            describe(span, request);
        }

        try
        {
            var response = await next(request, cancellationToken).ConfigureAwait(false);
            SpanStatus.Set(span, response, cancellationToken);
            return response;
        }
        catch (Exception exception)
        {
            SpanStatus.Set(span, exception);
            throw;
        }
    }
}
