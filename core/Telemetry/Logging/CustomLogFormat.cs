using System.Text;

namespace Switchyard.Core.Telemetry.Logging;

/// <summary>
/// A <c>custom_format</c> pattern cut into literal text and the verbs Switchyard fills: <c>%{message}</c>,
/// <c>%{level}</c>, <c>%{time}</c> and <c>%{module}</c>. Any other go-logging verb (<c>%{pid}</c>, <c>%{shortfile}</c>,
/// a verb with a layout such as <c>%{time:15:04}</c>) is refused at load time rather than printed as text.
/// </summary>
public sealed class CustomLogFormat
{
    /// <summary>The verbs a pattern may hold.</summary>
    public static readonly IReadOnlyList<string> Verbs = ["message", "level", "time", "module"];

    private readonly IReadOnlyList<(string? Verb, string Text)> _parts;

    private CustomLogFormat(IReadOnlyList<(string? Verb, string Text)> parts) => _parts = parts;

    /// <summary>Cuts <paramref name="pattern"/>, or tells why it cannot be served.</summary>
    public static bool TryParse(string pattern, out CustomLogFormat format, out string error)
    {
        var parts = new List<(string? Verb, string Text)>();
        var position = 0;
        while (position < pattern.Length)
        {
            var start = pattern.IndexOf("%{", position, StringComparison.Ordinal);
            if (start < 0)
            {
                parts.Add((null, pattern[position..]));
                break;
            }

            if (start > position)
            {
                parts.Add((null, pattern[position..start]));
            }

            var end = pattern.IndexOf('}', start);
            if (end < 0)
            {
                (format, error) = (null!, $"'%{{' at {start} is not closed");
                return false;
            }

            var verb = pattern[(start + 2)..end];
            if (!Verbs.Contains(verb))
            {
                (format, error) = (null!, $"verb %{{{verb}}} is not served; use {string.Join(", ", Verbs.Select(v => $"%{{{v}}}"))}");
                return false;
            }

            parts.Add((verb, ""));
            position = end + 1;
        }

        (format, error) = (new CustomLogFormat(parts), "");
        return true;
    }

    /// <summary>Writes one line's text (without the line break) with the values of the verbs.</summary>
    public void Render(StringBuilder line, string time, string level, string module, string message)
    {
        foreach (var (verb, text) in _parts)
        {
            line.Append(verb switch
            {
                "message" => message,
                "level" => level,
                "time" => time,
                "module" => module,
                _ => text,
            });
        }
    }
}
