namespace Switchyard.Core.Telemetry.Metrics;

/// <summary>
/// Boxed values every measurement reuses: a tag's value is an object, and boxing a bool on each record would allocate.
/// </summary>
internal static class MetricTags
{
    public static readonly object True = true;

    public static readonly object False = false;

    public static object Of(bool value) => value ? True : False;

    /// <summary>The configured static attributes (empty keys or values skipped, as KrakenD) after <paramref name="fixedTags"/>.</summary>
    public static KeyValuePair<string, object?>[] With(
        IEnumerable<KeyValuePair<string, object?>> fixedTags, IReadOnlyList<KeyValuePair<string, string>> staticAttributes) =>
        [
            .. fixedTags,
            .. staticAttributes.Where(pair => pair.Key.Length > 0 && pair.Value.Length > 0)
                .Select(pair => new KeyValuePair<string, object?>(pair.Key, pair.Value)),
        ];
}
