using System.Text.Json.Nodes;
using Switchyard.Core.Configuration;

namespace Switchyard.Core.Encoding;

/// <summary>The <c>string</c> backend encoding: the whole body, as UTF-8 text, under <c>content</c>.</summary>
public sealed class StringDecoder : IResponseDecoder
{
    /// <inheritdoc />
    public string Name => EncodingNames.String;

    /// <inheritdoc />
    public JsonObject Decode(ReadOnlySpan<byte> body, bool isCollection) =>
        new() { [DecodedKeys.Content] = System.Text.Encoding.UTF8.GetString(body) };
}
