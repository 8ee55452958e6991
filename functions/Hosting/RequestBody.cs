using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Switchyard.Functions.Hosting;

/// <summary>
/// Reads a request body once (every backend and concurrent call sends the buffered copy) with a cap, so a huge upload costs at most the cap in
/// memory and is answered 413 rather than failing the request with a 500.
/// </summary>
internal static class RequestBody
{
    /// <summary>The most a built-in endpoint reads: 1 MiB.</summary>
    public const int MaxBytes = 1024 * 1024;

    /// <summary>
    /// The most an endpoint buffers for its backends: Kestrel's own default request limit (30,000,000 bytes), so a
    /// declared length over it is refused here before Kestrel refuses it with its own words.
    /// </summary>
    public const int EndpointMaxBytes = 30_000_000;

    /// <summary>The answer to a body over the limit.</summary>
    public const string TooLargeMessage = "413 request entity too large";

    private static readonly byte[] TooLargeBody = System.Text.Encoding.UTF8.GetBytes(TooLargeMessage);

    /// <summary>The body, or null when it is longer than <paramref name="maxBytes"/> or than Kestrel accepts.</summary>
    public static async ValueTask<ArraySegment<byte>?> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return null;
        }

        if (request.ContentLength == 0 || (request.ContentLength is null && !IsChunked(request.Headers.TransferEncoding)))
        {
            return ArraySegment<byte>.Empty;
        }

        var buffer = new byte[(int)Math.Min(request.ContentLength ?? 4096, maxBytes) + 1];
        var length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                if (length > maxBytes)
                {
                    return null;
                }

                Array.Resize(ref buffer, (int)Math.Min(buffer.Length * 2L, maxBytes + 1L));
            }

            int read;
            try
            {
                read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
            }
            catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                // A chunked body past Kestrel's limit: the same refusal as a declared length past ours.
                return null;
            }

            if (read == 0)
            {
                return new ArraySegment<byte>(buffer, 0, length);
            }

            length += read;
        }
    }

    private static bool IsChunked(StringValues values)
    {
        foreach (var value in values)
        {
            if (value?.Contains("chunked", StringComparison.OrdinalIgnoreCase) == true)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>413 in the router's plain-text style.</summary>
    public static Task WriteTooLargeAsync(HttpResponse response)
    {
        response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        response.ContentType = "text/plain";
        response.ContentLength = TooLargeBody.Length;
        return response.Body.WriteAsync(TooLargeBody).AsTask();
    }
}
