using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Switchyard.Core.Configuration;
using Switchyard.Core.Pipeline;

namespace Switchyard.Functions.Hosting;

/// <summary>
/// Serves one configured endpoint: reads the request, runs the endpoint's pipeline within the endpoint timeout and
/// writes the answer. Client mistakes (encoded parameters, an oversized body) are answered with a 4xx by
/// <see cref="EndpointRequests"/>.
/// </summary>
internal sealed partial class EndpointHandler(EndpointConfig endpoint, EndpointRequests requests, Proxy proxy, IResponseWriter writer, ILogger logger)
{
    private static readonly ProxyError InternalError = new("internal server error");

    public async Task HandleAsync(HttpContext context, IReadOnlyList<KeyValuePair<string, string>> routeValues)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        deadline.CancelAfter(endpoint.Timeout);
        if (await requests.ReadAsync(context, routeValues, deadline.Token).ConfigureAwait(false) is not { } request)
        {
            return;
        }

        ProxyResponse response;
        try
        {
            response = await proxy(request, deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            response = ProxyResponse.Failed(InternalError);
        }

        if (deadline.IsCancellationRequested && response.Error is null && response.IsEmpty)
        {
            response = ProxyResponse.Failed(InternalError);
        }

        if (response.Error is { } error)
        {
            // Every backend failure is logged, as KrakenD does; the client sees only the status unless asked.
            LogEndpointError(logger, endpoint.Endpoint, error.Message);
        }

        if (context.RequestAborted.IsCancellationRequested)
        {
            response.Passthrough?.Dispose();
            return;
        }

        await writer.WriteAsync(context, response).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "[ENDPOINT: {Endpoint}] {Error}")]
    private static partial void LogEndpointError(ILogger logger, string endpoint, string error);
}
