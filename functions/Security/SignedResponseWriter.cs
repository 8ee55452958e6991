using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.Tokens;
using Switchyard.Core.Encoding;
using Switchyard.Core.Pipeline;
using Switchyard.Core.Security.Jwt;
using Switchyard.Functions.Hosting;

namespace Switchyard.Functions.Security;

/// <summary>
/// Writes the answer of an <c>auth/signer</c> endpoint as KrakenD's signer does: the data with the members of
/// <c>keys_to_sign</c> signed, as JSON (<c>application/json; charset=utf-8</c>, whatever <c>output_encoding</c> says),
/// status 200, without <c>X-KrakenD-Completed</c> or <c>Cache-Control</c>. A pipe that failed (even partly), gave no
/// answer, or an answer that cannot be signed gets 400 with status only.
/// </summary>
internal sealed class SignedResponseWriter(JwtSigner signer) : IResponseWriter
{
    private const string JsonContentType = "application/json; charset=utf-8";

    public async Task WriteAsync(HttpContext context, ProxyResponse response)
    {
        response.Passthrough?.Dispose();
        if (response.Error is not null || response.Data is not { } data)
        {
            await StatusOnlyResponse.WriteAsync(context, StatusCodes.Status400BadRequest).ConfigureAwait(false);
            return;
        }

        try
        {
            signer.SignMembers(data);
        }
        catch (Exception exception) when (exception is InvalidOperationException or SecurityTokenException or CryptographicException or ArgumentException or NotSupportedException)
        {
            await StatusOnlyResponse.WriteAsync(context, StatusCodes.Status400BadRequest).ConfigureAwait(false);
            return;
        }

        using var buffer = new PooledBufferWriter();
        SortedJsonWriter.Write(data, buffer);
        var http = context.Response;
        http.StatusCode = StatusCodes.Status200OK;
        http.ContentType = JsonContentType;
        http.ContentLength = buffer.WrittenCount;
        await http.Body.WriteAsync(buffer.WrittenMemory, context.RequestAborted).ConfigureAwait(false);
    }
}
