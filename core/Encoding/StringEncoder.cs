using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Switchyard.Core.Configuration;

namespace Switchyard.Core.Encoding;

/// <summary>
/// The <c>string</c> output encoding: the text under <c>content</c> (what the <c>string</c> decoder produces) as it is;
/// an empty body when there is no data, no such key or a value that is not a string.
/// </summary>
public sealed class StringEncoder : IOutputEncoder
{
    /// <inheritdoc />
    public string Name => EncodingNames.String;

    /// <inheritdoc />
    public string Write(JsonObject? data, string? accept, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (data?[DecodedKeys.Content] is JsonValue content && content.GetValueKind() == JsonValueKind.String)
        {
            var sink = new Utf8Sink(output);
            if (JsonScalar.TryGetUnescapedUtf8(content, out var utf8))
            {
                sink.Write(utf8);
            }
            else
            {
                sink.Write(JsonScalar.GetString(content).AsSpan());
            }

            sink.Flush();
        }

        return ContentTypes.PlainText;
    }
}
