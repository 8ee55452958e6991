using System.Buffers;
using System.Text.Json.Nodes;
using Switchyard.Core.Configuration;

namespace Switchyard.Core.Encoding;

/// <summary>
/// The <c>json-collection</c> output encoding: the value under <c>collection</c> (an <c>is_collection</c> backend's
/// array), written like <see cref="JsonEncoder"/>; <c>[]</c> when there is no data or no such key. Like KrakenD, a
/// present value is written whatever it is, so an <c>xml</c> collection's document comes out as an object.
/// </summary>
public sealed class JsonCollectionEncoder : IOutputEncoder
{
    /// <inheritdoc />
    public string Name => EncodingNames.JsonCollection;

    /// <inheritdoc />
    public string Write(JsonObject? data, string? accept, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (data is not null && data.TryGetPropertyValue(DecodedKeys.Collection, out var collection))
        {
            SortedJsonWriter.Write(collection, output);
        }
        else
        {
            output.Write("[]"u8);
        }

        return ContentTypes.Json;
    }
}
