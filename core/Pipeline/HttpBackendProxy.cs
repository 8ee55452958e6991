using System.Text;
using System.Text.Json.Nodes;
using Switchyard.Core.Configuration;
using Switchyard.Core.Encoding;

namespace Switchyard.Core.Pipeline;

/// <summary>
/// The innermost layer of a decoded backend: the HTTP call, the status check (only 200 and 201 succeed), the
/// decoder, and the backend's formatter. A failure becomes an error, or with <c>backend/http</c> the error details
/// as data or the backend's status for the client.
/// </summary>
internal static class HttpBackendProxy
{
    public static Proxy Create(
        HttpMessageInvoker client,
        BackendConfig backend,
        IResponseDecoder decoder,
        Func<JsonObject, JsonObject>? format)
    {
        var isCollection = backend.IsCollection;
        var errorDetailsKey = backend.Http.ReturnErrorDetails is { } alias ? "error_" + alias : null;
        var returnErrorCode = backend.Http.ReturnErrorCode;

        return async (request, cancellationToken) =>
        {
            int status;
            byte[] body;
            string? contentType;
            try
            {
                using var message = BackendMessage.Create(request);
                using var response = await client.SendAsync(message, cancellationToken).ConfigureAwait(false);
                status = (int)response.StatusCode;
                contentType = response.Content.Headers.ContentType?.ToString();
                body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException or IOException)
            {
                return ProxyResponse.Failed(BackendFailure.FromException(exception, cancellationToken));
            }

            if (status is not (200 or 201))
            {
                if (errorDetailsKey is not null)
                {
                    return new ProxyResponse { Data = ErrorDetails(errorDetailsKey, status, body, contentType) };
                }

                var error = BackendFailure.InvalidStatus(status, request.Method, backend.UrlPattern, request.Url!);
                return ProxyResponse.Failed(returnErrorCode
                    ? error with { StatusCode = status, Body = System.Text.Encoding.UTF8.GetString(body), ContentType = contentType }
                    : error);
            }

            JsonObject data;
            try
            {
                data = decoder.Decode(body, isCollection);
            }
            catch (DecodeException exception)
            {
                return ProxyResponse.Failed(exception.Message);
            }

            return ProxyResponse.Complete(format is null ? data : format(data));
        };
    }

    private static JsonObject ErrorDetails(string key, int status, byte[] body, string? contentType)
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
