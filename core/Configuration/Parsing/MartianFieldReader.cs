using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Switchyard.Core.Modifiers.Martian;
using Switchyard.Core.RegularExpressions;

namespace Switchyard.Core.Configuration.Parsing;

/// <summary>
/// Reads the fields of one martian object with the checks that make its values sendable: header names are tokens,
/// header values hold no line breaks, hosts follow the backend host rules, regular expressions compile as RE2.
/// Martian would send what Go's client then rejects, or misbehave silently; Switchyard refuses such values at load time.
/// </summary>
internal sealed partial class MartianFieldReader(JsonObjectReader reader, string type)
{
    // The framing of a message is the HTTP client's to write: a modifier that set these would corrupt the call.
    private static readonly HashSet<string> FramingHeaders = new(StringComparer.OrdinalIgnoreCase) { "Content-Length", "Transfer-Encoding" };

    public JsonObjectReader Reader => reader;

    public string Type => type;

    /// <summary>A required header name; framing headers are refused unless <paramref name="readOnly"/>.</summary>
    public string? HeaderName(string key, bool readOnly = false)
    {
        var name = Token(key, "a header name");
        if (name is null)
        {
            return null;
        }

        return !readOnly && FramingHeaders.Contains(name)
            ? Invalid<string>(key, $"'{name}' is the message framing, which the HTTP client writes; {type} cannot change it")
            : name;
    }

    /// <summary>A required RFC 9110 token, such as a header or cookie name; <paramref name="what"/> names it in the error.</summary>
    public string? Token(string key, string what)
    {
        var name = Required(key);
        return name is null || HeaderNames.IsValid(name) ? name : Invalid<string>(key, $"'{name}' is not {what}");
    }

    /// <summary>
    /// A header name that is written as a plain header, never the request's host (martian writes these directly); a
    /// <paramref name="fallback"/> stands for a missing or empty one.
    /// </summary>
    public string? PlainHeaderName(string key, string? fallback = null)
    {
        var name = fallback is not null && string.IsNullOrEmpty(reader.String(key)) ? fallback : HeaderName(key);
        return name is not null && MessageHeaders.IsHost(name)
            ? Invalid<string>(key, $"{type} cannot write the Host header (martian would not send it)")
            : name;
    }

    /// <summary>A header value for <paramref name="name"/>: no control characters; the value of <c>Host</c> must be a host.</summary>
    public string HeaderValue(string key, string? name)
    {
        var value = reader.String(key) ?? "";
        if (value.Any(c => char.IsControl(c) && c != '\t'))
        {
            return Invalid<string>(key, "a header value cannot hold control characters such as line breaks") ?? "";
        }

        return name is not null && MessageHeaders.IsHost(name) && !IsHost(value)
            ? Invalid<string>(key, $"'{value}' is not a host: want a name or address with an optional port, as in a backend's host") ?? ""
            : value;
    }

    /// <summary>An optional host (<c>name[:port]</c>) checked as backend hosts are.</summary>
    public string Host(string key)
    {
        var host = reader.String(key) ?? "";
        return host.Length == 0 || IsHost(host)
            ? host
            : Invalid<string>(key, $"'{host}' is not a host: want a name or address with an optional port, as in a backend's host") ?? "";
    }

    /// <summary>A port, 1 to 65535; null when missing or invalid.</summary>
    public int? Port(string key)
    {
        var port = reader.Int(key);
        return port is null or (>= 1 and <= 65535) ? port : Invalid<int?>(key, $"{port} is not a port (1 to 65535)");
    }

    /// <summary>A required RE2 expression.</summary>
    public Regex? Regex(string key)
    {
        var pattern = Required(key);
        if (pattern is null)
        {
            return null;
        }

        return Re2Regex.TryCompile(pattern, out var regex, out var error) ? regex : Invalid<Regex>(key, error);
    }

    /// <summary>A required non-empty string.</summary>
    public string? Required(string key)
    {
        var value = reader.String(key);
        if (!string.IsNullOrEmpty(value))
        {
            return value;
        }

        if (!reader.Problems.HasErrorAt(reader.PathOf(key)))
        {
            reader.Problems.Error(reader.PathOf(key), $"{type} needs '{key}'");
        }

        return null;
    }

    /// <summary>Reports <paramref name="message"/> at <paramref name="key"/> and reads the value as missing.</summary>
    public T? Invalid<T>(string key, string message)
    {
        reader.Problems.Error(reader.PathOf(key), message);
        return default;
    }

    /// <summary>A required object, such as a filter's <c>modifier</c>.</summary>
    public bool TryGetObject(string key, bool required, out JsonElement value, out string path)
    {
        path = reader.PathOf(key);
        if (reader.TryGet(key, out value))
        {
            return true;
        }

        if (required)
        {
            reader.Problems.Error(path, $"{type} needs '{key}'");
        }

        return false;
    }

    /// <summary>A host as a backend's host list accepts it (name or address, optional port), without scheme or path.</summary>
    public static bool IsHost(string host) =>
        !host.Contains('/', StringComparison.Ordinal)
        && (HostCleaner.TryClean(host, out _) || BracketedAddress().IsMatch(host))
        && Uri.TryCreate("http://" + host, UriKind.Absolute, out var uri)
        && uri.Port is >= 1 and <= 65535
        && uri.PathAndQuery == "/";

    /// <summary>A JSON integer that fits 64 bits, such as a priority.</summary>
    public long? Long(string key)
    {
        if (!reader.TryGet(key, out var value))
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number)
            ? number
            : Invalid<long?>(key, "expected an integer, got " + JsonValueText.Describe(value));
    }

    /// <summary>An RFC 3339 time (Go's JSON form of <c>time.Time</c>), or null.</summary>
    public DateTimeOffset? Time(string key)
    {
        var text = reader.String(key);
        if (text is null)
        {
            return null;
        }

        return Rfc3339().IsMatch(text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time
            : Invalid<DateTimeOffset?>(key, $"'{text}' is not an RFC 3339 time such as 2025-04-12T23:20:50Z");
    }

    [GeneratedRegex(@"^\[[0-9A-Fa-f:.]+\](:[0-9]{1,5})?$")]
    private static partial Regex BracketedAddress();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex Rfc3339();
}
