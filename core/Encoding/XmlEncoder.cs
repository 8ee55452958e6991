using System.Buffers;
using System.Text.Json.Nodes;
using Switchyard.Core.Configuration;

namespace Switchyard.Core.Encoding;

/// <summary>
/// The <c>xml</c> output encoding, byte for byte what KrakenD's XML renderer writes (see
/// <see cref="XmlDocumentWriter"/> for the rules) with <c>Content-Type: application/xml</c>. With no data KrakenD
/// writes an empty body with <c>application/xml; charset=utf-8</c>, and so does this encoder.
/// </summary>
public sealed class XmlEncoder : IOutputEncoder
{
    /// <inheritdoc />
    public string Name => EncodingNames.Xml;

    /// <inheritdoc />
    public string Write(JsonObject? data, string? accept, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (data is null)
        {
            return ContentTypes.XmlWithoutData;
        }

        XmlDocumentWriter.Write(data, output);
        return ContentTypes.Xml;
    }
}
