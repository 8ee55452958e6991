using System.Diagnostics;

namespace Switchyard.Core.Telemetry.Tracing;

/// <summary>
/// What a layer's options add to each of its spans: its static attributes, and with <c>report_headers</c> the request's
/// headers minus <c>skip_headers</c> as <c>http.request.header.&lt;name&gt;</c> (names lower-cased, values as a string
/// array, as KrakenD), credentials redacted (<see cref="SensitiveHeaders"/>).
/// </summary>
internal sealed class LayerAttributes(IReadOnlyList<KeyValuePair<string, string>> staticAttributes, bool reportHeaders, IEnumerable<string> skipHeaders)
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
                SensitiveHeaders.Contains(name) ? [SensitiveHeaders.Redacted] : values);
        }
    }
}
