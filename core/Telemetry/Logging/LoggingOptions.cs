namespace Switchyard.Core.Telemetry.Logging;

/// <summary>
/// The service's <c>telemetry/logging</c> namespace: the least level written, a prefix, and the line format. Without the
/// namespace the gateway logs at its defaults.
/// </summary>
public sealed record LoggingOptions
{
    /// <summary>
    /// The least level written: KrakenD's <c>DEBUG</c>, <c>INFO</c>, <c>WARNING</c>, <c>ERROR</c> or <c>CRITICAL</c>.
    /// </summary>
    public required string Level { get; init; }

    /// <summary>Written at the start of every line of the <c>default</c> format, or null for none.</summary>
    public string? Prefix { get; init; }

    /// <summary>Write to standard output.</summary>
    public bool Stdout { get; init; }

    /// <summary>
    /// The line format: <c>default</c> (<c>&lt;time&gt; ▶ LEVEL message</c>), <c>logstash</c> (one JSON object per line) or
    /// <c>custom</c> with <see cref="CustomFormat"/>. <value>The default value is <c>default</c>.</value>
    /// </summary>
    public string Format { get; init; } = "default";

    /// <summary>The <c>custom</c> format's pattern (<c>%{message}</c> and the other verbs), or null.</summary>
    public string? CustomFormat { get; init; }
}
