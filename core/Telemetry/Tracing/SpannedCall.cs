using System.Diagnostics;
using Switchyard.Core.Pipeline;

namespace Switchyard.Core.Telemetry.Tracing;

/// <summary>Runs a layer's call inside its span and ends the span's status with the answer (<see cref="SpanStatus"/>).</summary>
internal static class SpannedCall
{
    public static async ValueTask<ProxyResponse> RunAsync(Activity span, Proxy next, ProxyRequest request, CancellationToken cancellationToken)
    {
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
