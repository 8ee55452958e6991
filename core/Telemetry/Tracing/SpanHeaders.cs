using System.Diagnostics;

namespace Switchyard.Core.Telemetry.Tracing;

/// <summary>
/// <c>report_headers</c> minus <c>skip_headers</c>: a request's headers as <c>http.request.header.&lt;name&gt;</c>
/// attributes (names lower-cased, values as a string array, as KrakenD), credentials redacted (<see cref="SensitiveHeaders"/>).
/// </summary>
internal sealed class SpanHeaders
{
    private readonly HashSet<string> _skipped;

    private SpanHeaders(IEnumerable<string> skipped) => _skipped = new HashSet<string>(skipped, StringComparer.OrdinalIgnoreCase);

    /// <summary>The reporter of a layer, or null when the layer reports no header.</summary>
    public static SpanHeaders? For(bool reportHeaders, IReadOnlyList<string> skipHeaders) =>
        reportHeaders ? new SpanHeaders(skipHeaders) : null;

    public void Report(Activity span, IReadOnlyDictionary<string, string[]> headers)
    {
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
