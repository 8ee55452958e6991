using Microsoft.AspNetCore.Http;

namespace Switchyard.Functions.Hosting;

/// <summary>
/// Buffers the request body once, so every backend and every concurrent call can send it. Kestrel's request size
/// limit bounds it; going over it is the client's mistake (413), reported by the caller.
/// </summary>
internal static class RequestBody
{
    public static async ValueTask<ReadOnlyMemory<byte>> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var length = request.ContentLength;
        if (length == 0 || (length is null && !request.Headers.TransferEncoding.Any(v => v?.Contains("chunked", StringComparison.OrdinalIgnoreCase) == true)))
        {
            return ReadOnlyMemory<byte>.Empty;
        }

        using var buffer = new MemoryStream(length is > 0 and < 1 << 20 ? (int)length : 4096);
        await request.Body.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }
}
