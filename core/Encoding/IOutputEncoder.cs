using System.Buffers;
using System.Text.Json.Nodes;

namespace Switchyard.Core.Encoding;

/// <summary>Renders an endpoint's data for the client.</summary>
public interface IOutputEncoder
{
    /// <summary>The configuration name (<c>json</c>, <c>negotiate</c> ...).</summary>
    string Name { get; }

    /// <summary>Writes <paramref name="data"/> and returns the <c>Content-Type</c> of what was written.</summary>
    /// <param name="data">The data; null renders as the encoding's empty value (<c>{}</c> for JSON).</param>
    /// <param name="accept">The client's <c>Accept</c> header, used by <c>negotiate</c>.</param>
    /// <param name="output">Where the body goes.</param>
    string Write(JsonObject? data, string? accept, IBufferWriter<byte> output);
}
