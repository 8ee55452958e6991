using System.Text;
using System.Text.Json.Nodes;
using Switchyard.Core.Configuration;
using Switchyard.Core.Encoding;
using Switchyard.Core.Telemetry;
using Switchyard.Core.Telemetry.Tracing;

namespace Switchyard.Core.Pipeline;

/// <summary>
/// The innermost layer of a decoded backend: the HTTP call, the body read (tracked with <c>read_payload</c>), the status
/// check (only 200 and 201 succeed), the decoder, and the backend's formatter. A failure becomes an error, or with
/// <c>backend/http</c> the error details as data or the backend's status for the client.
/// </summary>
internal static class HttpBackendProxy
{
    public static Proxy Create(
        HttpMessageInvoker client,
        BackendConfig backend,
        IResponseDecoder decoder,
        Func<JsonObject, JsonObject>? format,
        PayloadRead? payloadRead)
    {
        var isCollection = backend.IsCollection;
        var errorDetailsKey = backend.Http.ReturnErrorDetails is { } alias ? "error_" + alias : null;
        var returnErrorCode = backend.Http.ReturnErrorCode;

        return async (request, cancellationToken) =>
        {
            try
            {
                using var message = BackendMessage.Create(request);
                using var response = await client.SendAsync(message, cancellationToken).ConfigureAwait(false);
                using var body = await (payloadRead is null
                    ? BackendBody.ReadAsync(response.Content, cancellationToken)
                    : payloadRead.ReadAsync(response.Content, cancellationToken)).ConfigureAwait(false);
                var status = (int)response.StatusCode;
                CurrentSpan.Tag(SpanAttributes.ResponseStatusCode, status);
                if (status is not (200 or 201))
                {
                    return Unsuccessful(request, status, body.WrittenMemory.Span, ContentTypeOf(response));
                }

                JsonObject data;
                try
                {
                    data = decoder.Decode(body.WrittenMemory.Span, isCollection);
                }
                catch (DecodeException exception)
                {
                    return ProxyResponse.Failed(exception.Message);
                }

                return new ProxyResponse { Data = format is null ? data : format(data), IsComplete = true, BackendStatus = status };
            }
            catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException or IOException)
            {
                return ProxyResponse.Failed(BackendFailure.FromException(exception, cancellationToken));
            }
        };

        ProxyResponse Unsuccessful(ProxyRequest request, int status, ReadOnlySpan<byte> body, string? contentType)
        {
            if (errorDetailsKey is not null)
            {
                return new ProxyResponse { Data = ErrorDetails(errorDetailsKey, status, body, contentType), BackendStatus = status };
            }

            var error = BackendFailure.InvalidStatus(status, request.Method, backend.UrlPattern, request.Url!);
            return ProxyResponse.Failed(returnErrorCode
                ? error with { StatusCode = status, Body = System.Text.Encoding.UTF8.GetString(body), ContentType = contentType }
                : error);
        }
    }

    // Read only when a failure reports it: parsing the header would cost every successful call.
    private static string? ContentTypeOf(HttpResponseMessage response) => response.Content.Headers.ContentType?.ToString();

    private static JsonObject ErrorDetails(string key, int status, ReadOnlySpan<byte> body, string? contentType)
    {
        var details = new JsonObject { ["http_status_code"] = status };
        if (body.Length > 0)
        {
            details["http_body"] = System.Text.Encoding.UTF8.GetString(body);
        }

        if (!string.IsNullOrEmpty(contentType))
        {
            details["http_body_encoding"] = contentType;
        }

        return new JsonObject { [key] = details };
    }
}
