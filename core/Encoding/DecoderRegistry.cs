using System.Collections.Frozen;
using Switchyard.Core.Configuration;

namespace Switchyard.Core.Encoding;

/// <summary>
/// Finds the decoder for a backend's <c>encoding</c>. Names are matched lower-cased and an unknown name gets the
/// <c>json</c> decoder, as KrakenD does. <c>no-op</c> has no decoder: the pipeline streams such a backend's answer
/// untouched and never asks the registry for it (asking would give <c>json</c>).
/// </summary>
public sealed class DecoderRegistry
{
    private readonly FrozenDictionary<string, IResponseDecoder> _decoders;
    private readonly IResponseDecoder _fallback;

    /// <summary>A registry of the given decoders; one of them must be named <c>json</c>.</summary>
    public DecoderRegistry(IEnumerable<IResponseDecoder> decoders)
    {
        ArgumentNullException.ThrowIfNull(decoders);
        _decoders = decoders.ToFrozenDictionary(decoder => decoder.Name.ToLowerInvariant(), StringComparer.Ordinal);
        _fallback = _decoders.GetValueOrDefault(EncodingNames.Json)
            ?? throw new ArgumentException("a decoder registry needs a json decoder", nameof(decoders));
    }

    /// <summary>The built-in decoders: <c>json</c>, <c>safejson</c>, <c>string</c>, <c>xml</c> and <c>rss</c>.</summary>
    public static DecoderRegistry Default { get; } = new(
        [new JsonDecoder(), new SafeJsonDecoder(), new StringDecoder(), new XmlDecoder(), new RssDecoder()]);

    /// <summary>The decoder for <paramref name="name"/>; the <c>json</c> one when the name is empty or unknown.</summary>
    public IResponseDecoder Get(string? name) =>
        name is not null && _decoders.TryGetValue(name.ToLowerInvariant(), out var decoder) ? decoder : _fallback;
}
