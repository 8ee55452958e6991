using System.Text;

namespace Switchyard.Core.RegularExpressions;

/// <summary>
/// Rewrites RE2 syntax (Go's <c>regexp</c>: CEL's <c>matches</c>, KrakenD's bot patterns and host patterns) into .NET's
/// where the two read the same text differently:
/// <c>\d \w \s</c> are ASCII-only in RE2 (.NET's match any Unicode digit or letter), <c>$</c> without the
/// <c>m</c> flag is the very end of the text in RE2 (.NET also matches before a final newline, which would let
/// <c>'^[0-9]+$'</c> accept <c>"1\n"</c>), and RE2 spells named groups <c>(?P&lt;name&gt;..)</c>.
/// </summary>
internal static class Re2Translator
{
    private const string Digit = "0-9";
    private const string Word = "0-9A-Za-z_";
    private const string Space = "\\t\\n\\f\\r ";

    public static string Translate(string pattern)
    {
        var multiline = HasMultilineFlag(pattern);
        var text = new StringBuilder(pattern.Length + 16);
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                var next = pattern[++i];
                text.Append(TranslateEscape(next, inClass));
                continue;
            }

            if (inClass)
            {
                inClass = c != ']' || text[^1] == '[' || (text.Length >= 2 && text[^1] == '^' && text[^2] == '[');
                text.Append(c);
            }
            else if (c == '[')
            {
                inClass = true;
                text.Append(c);
            }
            else if (c == '$' && !multiline)
            {
                text.Append("\\z");
            }
            else if (c == '(' && string.CompareOrdinal(pattern, i, "(?P<", 0, 4) == 0)
            {
                text.Append("(?<");
                i += 3;
            }
            else
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }

    private static string TranslateEscape(char escaped, bool inClass) => escaped switch
    {
        'd' => inClass ? Digit : "[" + Digit + "]",
        'w' => inClass ? Word : "[" + Word + "]",
        's' => inClass ? Space : "[" + Space + "]",
        'D' when !inClass => "[^" + Digit + "]",
        'W' when !inClass => "[^" + Word + "]",
        'S' when !inClass => "[^" + Space + "]",
        _ => "\\" + escaped,
    };

    // A flag group such as (?m) or (?im) makes $ an end-of-line anchor, which .NET then reads as RE2 does.
    private static bool HasMultilineFlag(string pattern)
    {
        for (var at = pattern.IndexOf("(?", StringComparison.Ordinal); at >= 0; at = pattern.IndexOf("(?", at + 2, StringComparison.Ordinal))
        {
            for (var i = at + 2; i < pattern.Length && char.IsAsciiLetter(pattern[i]); i++)
            {
                if (pattern[i] == 'm')
                {
                    return true;
                }
            }
        }

        return false;
    }
}
