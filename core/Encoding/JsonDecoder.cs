using System.Text.Json.Nodes;
using Switchyard.Core.Configuration;

namespace Switchyard.Core.Encoding;

/// <summary>
/// The <c>json</c> backend encoding: the body must hold one JSON object (an array or a scalar fails the backend).
/// Only the first value is read, so trailing content is ignored. With <c>is_collection</c> the body must be an
/// array instead, returned as <c>{"collection":[...]}</c>. A literal <c>null</c> decodes, as in Go, to an empty
/// object (or to <c>{"collection":null}</c>).
/// </summary>
public sealed class JsonDecoder : IResponseDecoder
{
    /// <inheritdoc />
    public string Name => EncodingNames.Json;

    /// <inheritdoc />
    public JsonObject Decode(ReadOnlySpan<byte> body, bool isCollection)
    {
        var value = JsonBody.ReadFirstValue(body);
        if (isCollection)
        {
            return value is null or JsonArray
                ? new JsonObject { [DecodedKeys.Collection] = value }
                : throw new DecodeException($"a collection body must be a JSON array, not {JsonBody.KindOf(value)}");
        }

        return value switch
        {
            JsonObject data => data,
            null => [],
            _ => throw new DecodeException($"a JSON body must be an object, not {JsonBody.KindOf(value)}"),
        };
    }
}
