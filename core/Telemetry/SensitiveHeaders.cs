namespace Switchyard.Core.Telemetry;

/// <summary>
/// The headers whose values are credentials: never written with their value to a span, a metric or a log line, whatever
/// <c>report_headers</c> and <c>skip_headers</c> say, so no token or session reaches a trace store or a log.
/// </summary>
public static class SensitiveHeaders
{
    /// <summary>What is reported instead of a sensitive header's value.</summary>
    public const string Redacted = "[redacted]";

    private static readonly HashSet<string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        "Authorization", "Proxy-Authorization", "Cookie", "Set-Cookie", "X-Api-Key", "Api-Key", "Ocp-Apim-Subscription-Key",
    };

    /// <summary>True when <paramref name="name"/>'s value must never be reported.</summary>
    public static bool Contains(string name) => Names.Contains(name);
}
