using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace Switchyard.Core.Encoding;

/// <summary>
/// Writes a YAML string scalar the way Go's YAML marshallers do: plain when a reader would get the same string
/// back, otherwise double-quoted with Go's escapes (<c>strconv.Quote</c>). The quoting rules follow goccy/go-yaml,
/// which KrakenD's router uses, and also quote YAML 1.1 booleans and anything with a line break or a control character.
/// </summary>
internal static class YamlScalar
{
    // Words a YAML 1.1 or 1.2 reader would take for a boolean, null, infinity or NaN.
    private static readonly FrozenSet<string> Reserved = FrozenSet.ToFrozenSet(
        [
            "~", "null", "Null", "NULL",
            "true", "True", "TRUE", "false", "False", "FALSE",
            "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO",
            "on", "On", "ON", "off", "Off", "OFF",
            ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF",
            ".nan", ".NaN", ".NAN",
        ],
        StringComparer.Ordinal);

    public static void Write(ref Utf8Sink sink, string value)
    {
        if (NeedsQuotes(value))
        {
            WriteQuoted(ref sink, value);
        }
        else
        {
            sink.Write(value.AsSpan());
        }
    }

    public static bool NeedsQuotes(string value)
    {
        if (value.Length == 0 || Reserved.Contains(value) || LooksNumeric(value) || LooksLikeTime(value))
        {
            return true;
        }

        switch (value[0])
        {
            case '*' or '&' or '[' or '{' or '}' or ']' or ',' or '!' or '|' or '>' or '%' or '\'' or '"' or '@' or '`' or ' ' or ':':
                return true;
            case '-' or '?' when value.Length == 1 || value[1] == ' ':
                return true;
        }

        if (value[^1] is ':' or ' ')
        {
            return true;
        }

        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c is '#' or '\\' || (c is ':' or '-' && i + 1 < value.Length && value[i + 1] == ' '))
            {
                return true;
            }
        }

        foreach (var rune in value.EnumerateRunes())
        {
            if (!IsPrintable(rune))
            {
                return true;
            }
        }

        return false;
    }

    private static void WriteQuoted(ref Utf8Sink sink, string value)
    {
        sink.Write((byte)'"');
        Span<char> escape = stackalloc char[10];
        foreach (var rune in value.EnumerateRunes())
        {
            switch (rune.Value)
            {
                case '"':
                    sink.Write("\\\""u8);
                    break;
                case '\\':
                    sink.Write("\\\\"u8);
                    break;
                case '\a':
                    sink.Write("\\a"u8);
                    break;
                case '\b':
                    sink.Write("\\b"u8);
                    break;
                case '\f':
                    sink.Write("\\f"u8);
                    break;
                case '\n':
                    sink.Write("\\n"u8);
                    break;
                case '\r':
                    sink.Write("\\r"u8);
                    break;
                case '\t':
                    sink.Write("\\t"u8);
                    break;
                case '\v':
                    sink.Write("\\v"u8);
                    break;
                case < 0x20 or 0x7F:
                    sink.Write("\\x"u8);
                    sink.Write(rune.Value.ToString("x2", CultureInfo.InvariantCulture).AsSpan());
                    break;
                default:
                    if (IsPrintable(rune))
                    {
                        var length = rune.EncodeToUtf16(escape);
                        sink.Write(escape[..length]);
                    }
                    else if (rune.Value <= 0xFFFF)
                    {
                        sink.Write(("\\u" + rune.Value.ToString("x4", CultureInfo.InvariantCulture)).AsSpan());
                    }
                    else
                    {
                        sink.Write(("\\U" + rune.Value.ToString("x8", CultureInfo.InvariantCulture)).AsSpan());
                    }

                    break;
            }
        }

        sink.Write((byte)'"');
    }

    // Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space.
    private static bool IsPrintable(Rune rune) => rune.Value == ' ' || Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse
            or UnicodeCategory.OtherNotAssigned or UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator
            or UnicodeCategory.ParagraphSeparator => false,
        _ => true,
    };

    // Integers and floats in YAML 1.1 or 1.2 spelling: 12, -3, 1_000, 0x1F, 0o17, 0b101, 1.5, .5, 1e3, 6.02e+23.
    private static bool LooksNumeric(string value)
    {
        var text = value.AsSpan();
        if (text[0] is '+' or '-')
        {
            text = text[1..];
        }

        if (text.Length > 2 && text[0] == '0' && text[1] is 'x' or 'o' or 'b')
        {
            var radix = text[1];
            foreach (var c in text[2..])
            {
                var isDigit = radix switch
                {
                    'x' => char.IsAsciiHexDigit(c),
                    'o' => c is >= '0' and <= '7',
                    _ => c is '0' or '1',
                };
                if (!isDigit && c != '_')
                {
                    return false;
                }
            }

            return true;
        }

        var digits = 0;
        var dots = 0;
        var i = 0;
        for (; i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] is '_' or '.'); i++)
        {
            if (text[i] == '.')
            {
                dots++;
            }
            else if (text[i] != '_')
            {
                digits++;
            }
        }

        if (digits == 0 || dots > 1)
        {
            return false;
        }

        if (i < text.Length && text[i] is 'e' or 'E')
        {
            i++;
            if (i < text.Length && text[i] is '+' or '-')
            {
                i++;
            }

            var exponentStart = i;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            if (i == exponentStart)
            {
                return false;
            }
        }

        return i == text.Length;
    }

    // Dates (2001-12-14, 2001-12-14T21:59:43Z ...) and sexagesimal times (12:30) read back as something else.
    private static bool LooksLikeTime(string value)
    {
        if (value.Length >= 6 && char.IsAsciiDigit(value[0]) && char.IsAsciiDigit(value[1]) && char.IsAsciiDigit(value[2])
            && char.IsAsciiDigit(value[3]) && value[4] == '-' && char.IsAsciiDigit(value[5]))
        {
            return true;
        }

        var colons = 0;
        foreach (var c in value)
        {
            if (c == ':')
            {
                colons++;
            }
            else if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return colons > 0 && char.IsAsciiDigit(value[0]) && char.IsAsciiDigit(value[^1]);
    }
}
