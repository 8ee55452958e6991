using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Switchyard.Core.Telemetry.Logging;

namespace Switchyard.Functions.Telemetry.Logging;

/// <summary>
/// One log line in <c>telemetry/logging</c>'s format, as KrakenD writes it:
/// <list type="bullet">
/// <item><c>default</c>: <c>PREFIX 2006/01/02 - 15:04:05.000 ▶ LEVEL message</c> (the level cut to six letters, as KrakenD's
/// <c>%{level:.6s}</c> does: <c>WARNIN</c>, <c>CRITIC</c>);</item>
/// <item><c>logstash</c>: one JSON object with <c>@timestamp</c>, <c>@version</c>, <c>level</c>, <c>message</c> and
/// <c>module</c>;</item>
/// <item><c>custom</c>: the <c>custom_format</c> pattern with its verbs filled.</item>
/// </list>
/// The prefix goes on <c>default</c> lines only, as in KrakenD. The module is the logger's category.
/// </summary>
internal sealed class LogLineFormat
{
    private readonly LoggingOptions _options;
    private readonly CustomLogFormat? _custom;

    public LogLineFormat(LoggingOptions options)
    {
        _options = options;
        if (options is { Format: "custom", CustomFormat: { } pattern })
        {
            // The parser refused every pattern that does not parse: this one does.
            CustomLogFormat.TryParse(pattern, out var custom, out _);
            _custom = custom;
        }
    }

    /// <summary>KrakenD's name of <paramref name="level"/>.</summary>
    public static string LevelName(LogLevel level) => level switch
    {
        LogLevel.Trace or LogLevel.Debug => "DEBUG",
        LogLevel.Information => "INFO",
        LogLevel.Warning => "WARNING",
        LogLevel.Error => "ERROR",
        _ => "CRITICAL",
    };

    /// <summary>The line, without its line break.</summary>
    public string Format(DateTimeOffset time, LogLevel level, string module, string message)
    {
        var utc = time.ToUniversalTime();
        var levelName = LevelName(level);
        switch (_options.Format)
        {
            case "logstash":
                return Logstash(utc, levelName, module, message);
            case "custom":
                var line = new StringBuilder();
                _custom!.Render(line, utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture), levelName, module, message);
                return line.ToString();
            default:
                var stamp = utc.ToString("yyyy/MM/dd - HH:mm:ss.fff", CultureInfo.InvariantCulture);
                return $"{_options.Prefix} {stamp} ▶ {levelName[..Math.Min(6, levelName.Length)]} {message}";
        }
    }

    private static string Logstash(DateTimeOffset time, string level, string module, string message)
    {
        using var buffer = new MemoryStream();
        // Relaxed escaping: a log line is read by people and log shippers, never put into HTML, so "+" stays "+".
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("@timestamp", time.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'+00:00'", CultureInfo.InvariantCulture));
            json.WriteNumber("@version", 1);
            json.WriteString("level", level);
            json.WriteString("message", message);
            json.WriteString("module", module);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
