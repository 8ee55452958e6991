using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Switchyard.Core.Configuration;
using Switchyard.Core.Pipeline;

namespace Switchyard.Functions.Hosting;

/// <summary>
/// Serves one configured endpoint: reads the request, runs the endpoint's pipeline within the endpoint timeout and
/// writes the answer. Client mistakes (encoded parameters, an oversized body) are answered with a 4xx here.
/// </summary>
internal sealed partial class EndpointHandler(
    EndpointConfig endpoint, Proxy proxy, IResponseWriter writer, ClientAddress clientAddress, bool checkEncodedParams, ILogger logger)
{
    private static readonly ProxyError InternalError = new("internal server error");

    private readonly ProxyRequestReader _reader = new(endpoint, clientAddress);

    public async Task HandleAsync(HttpContext context, IReadOnlyList<KeyValuePair<string, string>> routeValues)
    {
        if (checkEncodedParams && !EncodedParams.AreValid(routeValues))
        {
            await ClientErrors.WriteAsync(context, StatusCodes.Status400BadRequest, EncodedParams.Message).ConfigureAwait(false);
            return;
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        deadline.CancelAfter(endpoint.Timeout);

        ArraySegment<byte>? body;
        try
        {
            body = await RequestBody.ReadAsync(context.Request, RequestBody.EndpointMaxBytes, deadline.Token).ConfigureAwait(false);
        }
        catch (BadHttpRequestException exception)
        {
            // Kestrel's own limits and malformed framing: the client's mistake, answered with Kestrel's status.
            await ClientErrors.WriteAsync(context, exception.StatusCode, exception.Message).ConfigureAwait(false);
            return;
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            // A body slower than the endpoint's timeout: the client's to fix (or it went away: nothing to answer).
            if (!context.RequestAborted.IsCancellationRequested)
            {
                await ClientErrors.WriteAsync(context, StatusCodes.Status408RequestTimeout, "408 request timeout").ConfigureAwait(false);
            }

            return;
        }

        if (body is null)
        {
            await ClientErrors.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, RequestBody.TooLargeMessage).ConfigureAwait(false);
            return;
        }

        var request = _reader.Create(context, routeValues, body.Value);

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
