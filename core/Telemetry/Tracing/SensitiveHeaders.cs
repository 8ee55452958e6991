namespace Switchyard.Core.Telemetry.Tracing;

/// <summary>
/// The headers whose values are credentials. <c>report_headers</c> puts a request's headers on its span; these are
/// reported as present but never with their value, whatever <c>skip_headers</c> says, so no token or session reaches
/// a trace backend.
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
