using Microsoft.AspNetCore.Http;
using Switchyard.Core.Configuration;
using Switchyard.Core.Pipeline;

namespace Switchyard.Functions.Hosting;

/// <summary>
/// Reads a client's request to a published endpoint into the pipe's <see cref="ProxyRequest"/>, answering the client's
/// own mistakes itself with a 4xx: encoded parameters (400), a body over the limit (413), malformed framing (Kestrel's
/// status), a body slower than the endpoint's timeout (408). In-memory and durable endpoints read requests alike.
/// </summary>
internal sealed class EndpointRequests(EndpointConfig endpoint, ClientAddress clientAddress, bool checkEncodedParams)
{
    private readonly ProxyRequestReader _reader = new(endpoint, clientAddress);

    /// <summary>The request, or null when it was answered (or the client went away).</summary>
    public async Task<ProxyRequest?> ReadAsync(
        HttpContext context, IReadOnlyList<KeyValuePair<string, string>> routeValues, CancellationToken deadline)
    {
        if (checkEncodedParams && !EncodedParams.AreValid(routeValues))
        {
            await ClientErrors.WriteAsync(context, StatusCodes.Status400BadRequest, EncodedParams.Message).ConfigureAwait(false);
            return null;
        }

        ArraySegment<byte>? body;
        try
        {
            body = await RequestBody.ReadAsync(context.Request, RequestBody.EndpointMaxBytes, deadline).ConfigureAwait(false);
        }
        catch (BadHttpRequestException exception)
        {
            // Kestrel's own limits and malformed framing: the client's mistake, answered with Kestrel's status.
            await ClientErrors.WriteAsync(context, exception.StatusCode, exception.Message).ConfigureAwait(false);
            return null;
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            // A body slower than the endpoint's timeout: the client's to fix (or it went away: nothing to answer).
            if (!context.RequestAborted.IsCancellationRequested)
            {
                await ClientErrors.WriteAsync(context, StatusCodes.Status408RequestTimeout, "408 request timeout").ConfigureAwait(false);
            }

            return null;
        }

        if (body is null)
        {
            await ClientErrors.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, RequestBody.TooLargeMessage).ConfigureAwait(false);
            return null;
        }

        return _reader.Create(context, routeValues, body.Value);
    }
}
