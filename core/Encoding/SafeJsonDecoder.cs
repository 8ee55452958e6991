using System.Text.Json.Nodes;
using Switchyard.Core.Configuration;

namespace Switchyard.Core.Encoding;

/// <summary>
/// The <c>safejson</c> backend encoding: any JSON value decodes. An object is used as is, an array becomes
/// <c>{"collection":[...]}</c> and a scalar (or null) <c>{"content":value}</c>; <c>is_collection</c> changes nothing.
/// </summary>
public sealed class SafeJsonDecoder : IResponseDecoder
{
    /// <inheritdoc />
    public string Name => EncodingNames.SafeJson;

    /// <inheritdoc />
    public JsonObject Decode(ReadOnlySpan<byte> body, bool isCollection) =>
        JsonBody.ReadFirstValue(body) switch
        {
            JsonObject data => data,
            JsonArray items => new JsonObject { [DecodedKeys.Collection] = items },
            var scalar => new JsonObject { [DecodedKeys.Content] = scalar },
        };
}
