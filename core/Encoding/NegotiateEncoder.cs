using System.Buffers;
using System.Text.Json.Nodes;
using Switchyard.Core.Configuration;

namespace Switchyard.Core.Encoding;

/// <summary>
/// The <c>negotiate</c> output encoding: the client's <c>Accept</c> header picks JSON, XML or YAML. Media ranges are
/// tried in the order written (q-values are ignored, as in KrakenD) and the first one recognised wins:
/// <c>application/json</c> → JSON; <c>application/xml</c>, <c>text/xml</c> → XML; <c>text/plain</c>,
/// <c>application/x-yaml</c>, <c>application/yaml</c> → YAML. Wildcards match the first offer they cover, as gin's
/// negotiation does: <c>*/*</c> and <c>application/*</c> → JSON, <c>text/*</c> → YAML. No header, or nothing
/// recognised, → JSON.
/// </summary>
public sealed class NegotiateEncoder : IOutputEncoder
{
    private readonly (string MediaType, IOutputEncoder Encoder)[] _offers;
    private readonly IOutputEncoder _json;

    /// <summary>Negotiates between the given encoders.</summary>
    public NegotiateEncoder(IOutputEncoder json, IOutputEncoder xml, IOutputEncoder yaml)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(xml);
        ArgumentNullException.ThrowIfNull(yaml);
        _json = json;
        // Order matters for wildcards: KrakenD offers JSON, then plain text (YAML), then XML.
        _offers =
        [
            ("application/json", json),
            ("text/plain", yaml),
            ("application/xml", xml),
            ("text/xml", xml),
            ("application/x-yaml", yaml),
            ("application/yaml", yaml),
        ];
    }

    /// <inheritdoc />
    public string Name => EncodingNames.Negotiate;

    /// <inheritdoc />
    public string Write(JsonObject? data, string? accept, IBufferWriter<byte> output) =>
        Choose(accept).Write(data, accept, output);

    /// <summary>The encoder the <c>Accept</c> header <paramref name="accept"/> selects.</summary>
    public IOutputEncoder Choose(string? accept)
    {
        if (string.IsNullOrWhiteSpace(accept))
        {
            return _json;
        }

        foreach (var range in accept.AsSpan().Split(','))
        {
            var mediaType = accept.AsSpan(range);
            var parameters = mediaType.IndexOf(';');
            if (parameters >= 0)
            {
                mediaType = mediaType[..parameters];
            }

            mediaType = mediaType.Trim();
            if (mediaType.IsEmpty)
            {
                continue;
            }

            foreach (var (offer, encoder) in _offers)
            {
                if (Covers(mediaType, offer))
                {
                    return encoder;
                }
            }
        }

        return _json;
    }

    // An exact match, */*, or type/* for an offer of that type.
    private static bool Covers(ReadOnlySpan<char> accepted, string offer)
    {
        if (accepted.Equals(offer, StringComparison.OrdinalIgnoreCase) || accepted.SequenceEqual("*/*"))
        {
            return true;
        }

        return accepted.EndsWith("/*") && offer.AsSpan().StartsWith(accepted[..^1], StringComparison.OrdinalIgnoreCase);
    }
}
