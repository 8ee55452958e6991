using System.Diagnostics;

namespace Switchyard.Core.Telemetry.Tracing;

/// <summary>
/// What a layer's options add to each of its spans: its static attributes, and with <c>report_headers</c> the request's
/// headers minus <c>skip_headers</c> as <c>http.request.header.&lt;name&gt;</c> (names lower-cased, values as a string
/// array, as KrakenD), credentials redacted: <see cref="SensitiveHeaders"/>, and the header the endpoint's
/// <c>auth/validator</c> reads its token from when that is another (<c>auth_header_name</c>).
/// </summary>
internal sealed class LayerAttributes(
    IReadOnlyList<KeyValuePair<string, string>> staticAttributes, bool reportHeaders, IEnumerable<string> skipHeaders, string? tokenHeader)
{
    private readonly HashSet<string> _skipped = new(skipHeaders, StringComparer.OrdinalIgnoreCase);

    public void Add(Activity span, IReadOnlyDictionary<string, string[]> headers)
    {
        foreach (var (key, value) in staticAttributes)
        {
            span.SetTag(key, value);
        }

        if (!reportHeaders)
        {
            return;
        }

        foreach (var (name, values) in headers)
        {
            if (_skipped.Contains(name))
            {
                continue;
            }

            span.SetTag(
                SpanAttributes.RequestHeaderPrefix + name.ToLowerInvariant(),
                SensitiveHeaders.Contains(name) || name.Equals(tokenHeader, StringComparison.OrdinalIgnoreCase) ? [SensitiveHeaders.Redacted] : values);
        }
    }
}
