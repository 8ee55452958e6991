using Switchyard.Core.Telemetry.Tracing;

namespace Switchyard.Core.Pipeline;

/// <summary>
/// The innermost layer of a <c>no-op</c> backend: no status check, no decoding; the backend's response is handed to
/// the host to stream to the client as it is.
/// </summary>
internal static class NoOpBackendProxy
{
    public static Proxy Create(HttpMessageInvoker client) =>
        async (request, cancellationToken) =>
        {
            var message = BackendMessage.Create(request);
            try
            {
                var response = await client.SendAsync(message, cancellationToken).ConfigureAwait(false);
                CurrentSpan.Tag(SpanAttributes.ResponseStatusCode, (int)response.StatusCode);
                return new ProxyResponse { Passthrough = response };
            }
            catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException or IOException)
            {
                return ProxyResponse.Failed(BackendFailure.FromException(exception, cancellationToken));
            }
            finally
            {
                message.Dispose();
            }
        };
}
