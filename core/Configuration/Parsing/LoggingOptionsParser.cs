using Switchyard.Core.Telemetry.Logging;

namespace Switchyard.Core.Configuration.Parsing;

/// <summary>
/// Reads the service's <c>telemetry/logging</c>. Where KrakenD falls back silently to a DEBUG logger on a bad level,
/// Switchyard refuses the file: a level typed wrong would otherwise flood or silence the log unnoticed.
/// </summary>
internal static class LoggingOptionsParser
{
    private static readonly string[] Levels = ["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"];

    private static readonly string[] Formats = ["default", "logstash", "custom"];

    public static LoggingOptions? Parse(ExtraConfigSection extraConfig, ConfigProblems problems)
    {
        if (!extraConfig.TryGet(NamespaceAliases.TelemetryLogging, out var element, out var path)
            || JsonObjectReader.OpenStrict(element, path, problems, "Switchyard would log differently from what it asks for") is not { } reader)
        {
            return null;
        }

        var options = new LoggingOptions
        {
            Level = Level(reader),
            Prefix = reader.String("prefix"),
            Stdout = reader.Bool("stdout"),
            Format = Format(reader),
        };
        options = options with { CustomFormat = CustomFormat(reader, options.Format) };

        // The gateway runs as a Functions custom handler or in a container, whose platform collects standard output;
        // there is no syslog daemon to write to, so a file asking for syslog would lose its lines. "syslog": false (in
        // KrakenD's own examples) asks for nothing, and the facility then means nothing either.
        _ = reader.String("syslog_facility");
        if (reader.Bool("syslog"))
        {
            reader.Problems.Error(
                reader.PathOf("syslog"),
                "syslog output is not served by Switchyard: refused, because the platform (Functions host, container) collects "
                + "standard output and has no syslog daemon, so the lines would be lost; use \"stdout\": true");
        }

        reader.ReportUnknownKeys();
        return options;
    }

    private static string Level(JsonObjectReader reader)
    {
        var level = reader.String("level");
        var path = reader.PathOf("level");
        if (level is null)
        {
            if (!reader.Problems.HasErrorAt(path))
            {
                reader.Problems.Error(path, $"'level' is required: one of {string.Join(", ", Levels)}");
            }

            return "";
        }

        var upper = level.ToUpperInvariant();
        if (!Levels.Contains(upper))
        {
            reader.Problems.Error(path, $"expected one of {string.Join(", ", Levels)}, got \"{level}\"");
        }

        return upper;
    }

    private static string Format(JsonObjectReader reader)
    {
        var format = reader.String("format") ?? "default";
        if (!Formats.Contains(format))
        {
            reader.Problems.Error(reader.PathOf("format"), $"expected one of {string.Join(", ", Formats)}, got \"{format}\"");
        }

        return format;
    }

    private static string? CustomFormat(JsonObjectReader reader, string format)
    {
        var pattern = reader.String("custom_format");
        var path = reader.PathOf("custom_format");
        if (format != "custom")
        {
            if (pattern is not null)
            {
                reader.Problems.Error(path, "'custom_format' is only read with \"format\": \"custom\"");
            }

            return null;
        }

        if (string.IsNullOrEmpty(pattern))
        {
            reader.Problems.Error(path, "'custom_format' is required with \"format\": \"custom\"");
        }
        else if (!CustomLogFormat.TryParse(pattern, out _, out var error))
        {
            reader.Problems.Error(path, error);
        }

        return pattern;
    }
}
