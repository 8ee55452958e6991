using System.Buffers;
using System.Text.Json.Nodes;
using Switchyard.Core.Configuration;

namespace Switchyard.Core.Encoding;

/// <summary>
/// The <c>yaml</c> output encoding (also what <c>negotiate</c> picks for <c>text/plain</c>): block-style YAML with
/// sorted keys, see <see cref="YamlDocumentWriter"/>. No data is <c>{}</c>. Numbers keep their literal text.
/// </summary>
public sealed class YamlEncoder : IOutputEncoder
{
    /// <inheritdoc />
    public string Name => EncodingNames.Yaml;

    /// <inheritdoc />
    public string Write(JsonObject? data, string? accept, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (data is null)
        {
            output.Write("{}\n"u8);
        }
        else
        {
            YamlDocumentWriter.Write(data, output);
        }

        return ContentTypes.Yaml;
    }
}
