using Switchyard.Core.Encoding;
using Microsoft.AspNetCore.Http;

namespace Switchyard.Functions.BuiltIn;

/// <summary>Sends a document written by <see cref="GoJsonWriter"/> the way gin's <c>c.JSON(200, ...)</c> does.</summary>
internal static class GoJsonResponse
{
    /// <summary>gin's JSON content type.</summary>
    public const string ContentType = "application/json; charset=utf-8";

    public static Task WriteAsync(HttpResponse response, ReadOnlyMemory<byte> json)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ContentType;
        response.ContentLength = json.Length;
        return response.Body.WriteAsync(json).AsTask();
    }
}
