using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using Switchyard.Core.Configuration;

namespace Switchyard.Core.Encoding;

/// <summary>
/// Finds the encoder for an endpoint's <c>output_encoding</c>. Names are matched lower-cased; <c>fast-json</c> is the
/// <c>json</c> encoder; an unknown name gets <c>json</c> from <see cref="Get"/>, while <see cref="TryGet"/> lets the
/// caller apply KrakenD's other fallback (a single backend's own encoding). <c>no-op</c> has no encoder: the host
/// streams such a backend's answer to the client untouched.
/// </summary>
public sealed class EncoderRegistry
{
    private readonly FrozenDictionary<string, IOutputEncoder> _encoders;
    private readonly IOutputEncoder _fallback;

    /// <summary>A registry of the given encoders; one must be named <c>json</c> and also answers <c>fast-json</c>.</summary>
    public EncoderRegistry(IEnumerable<IOutputEncoder> encoders)
    {
        ArgumentNullException.ThrowIfNull(encoders);
        var byName = encoders.ToDictionary(encoder => encoder.Name.ToLowerInvariant(), StringComparer.Ordinal);
        _fallback = byName.GetValueOrDefault(EncodingNames.Json)
            ?? throw new ArgumentException("an encoder registry needs a json encoder", nameof(encoders));
        byName.TryAdd(EncodingNames.FastJson, _fallback);
        _encoders = byName.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>
    /// The built-in encoders: <c>json</c> (and <c>fast-json</c>), <c>json-collection</c>, <c>string</c>, <c>xml</c>,
    /// <c>yaml</c> and <c>negotiate</c>.
    /// </summary>
    public static EncoderRegistry Default { get; } = CreateDefault();

    /// <summary>The encoder for <paramref name="name"/>; the <c>json</c> one when the name is empty or unknown.</summary>
    public IOutputEncoder Get(string? name) => TryGet(name, out var encoder) ? encoder : _fallback;

    /// <summary>The encoder registered under <paramref name="name"/>, if there is one.</summary>
    public bool TryGet(string? name, [NotNullWhen(true)] out IOutputEncoder? encoder)
    {
        encoder = null;
        return name is not null && _encoders.TryGetValue(name.ToLowerInvariant(), out encoder);
    }

    private static EncoderRegistry CreateDefault()
    {
        var json = new JsonEncoder();
        var xml = new XmlEncoder();
        var yaml = new YamlEncoder();
        return new EncoderRegistry([json, new JsonCollectionEncoder(), new StringEncoder(), xml, yaml, new NegotiateEncoder(json, xml, yaml)]);
    }
}
