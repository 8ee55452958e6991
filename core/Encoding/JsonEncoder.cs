using System.Buffers;
using System.Text.Json.Nodes;
using Switchyard.Core.Configuration;

namespace Switchyard.Core.Encoding;

/// <summary>
/// The <c>json</c> output encoding (and <c>fast-json</c>, which writes the same bytes): the data as Go marshals a map,
/// see <see cref="SortedJsonWriter"/>. No data is <c>{}</c>.
/// </summary>
public sealed class JsonEncoder : IOutputEncoder
{
    /// <inheritdoc />
    public string Name => EncodingNames.Json;

    /// <inheritdoc />
    public string Write(JsonObject? data, string? accept, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (data is null)
        {
            output.Write("{}"u8);
        }
        else
        {
            SortedJsonWriter.Write(data, output);
        }

        return ContentTypes.Json;
    }
}
