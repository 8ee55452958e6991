using System.Buffers;
using System.Text.Json.Nodes;
using Switchyard.Core.Encoding;

namespace Switchyard.Core.Tests.Encoding;

/// <summary>Runs an encoder into memory and returns what a client would receive.</summary>
internal static class Rendering
{
    public static (string Body, string ContentType) Render(IOutputEncoder encoder, JsonObject? data, string? accept = null)
    {
        var output = new ArrayBufferWriter<byte>();
        var contentType = encoder.Write(data, accept, output);
        return (System.Text.Encoding.UTF8.GetString(output.WrittenSpan), contentType);
    }

    public static (string Body, string ContentType) Render(IOutputEncoder encoder, string json, string? accept = null) =>
        Render(encoder, Decode(json), accept);

    /// <summary>Decodes JSON the way a backend body is decoded, so numbers keep their literal text.</summary>
    public static JsonObject Decode(string json) => new JsonDecoder().Decode(System.Text.Encoding.UTF8.GetBytes(json), isCollection: false);

    public static JsonObject Decode(IResponseDecoder decoder, string body, bool isCollection = false) =>
        decoder.Decode(System.Text.Encoding.UTF8.GetBytes(body), isCollection);

    /// <summary>A decoded object's canonical text (sorted keys), for comparing decoder results.</summary>
    public static string Canonical(JsonNode? node)
    {
        var output = new ArrayBufferWriter<byte>();
        SortedJsonWriter.Write(node, output);
        return System.Text.Encoding.UTF8.GetString(output.WrittenSpan);
    }
}
