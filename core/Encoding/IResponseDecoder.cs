using System.Text.Json.Nodes;

namespace Switchyard.Core.Encoding;

/// <summary>Turns a backend's body into the object the pipeline works on (KrakenD's <c>map[string]interface{}</c>).</summary>
public interface IResponseDecoder
{
    /// <summary>The configuration name (<c>json</c>, <c>xml</c> ...).</summary>
    string Name { get; }

    /// <summary>Decodes <paramref name="body"/>; throws <see cref="DecodeException"/> when it cannot.</summary>
    /// <param name="body">The whole body, already un-gzipped.</param>
    /// <param name="isCollection">The backend declares <c>is_collection</c>: the data goes under <c>collection</c>.</param>
    JsonObject Decode(ReadOnlySpan<byte> body, bool isCollection);
}
