using System.Globalization;
using System.Text;

namespace Switchyard.Templates;

/// <summary>Go's <c>strconv</c> quoting: string literals as templates write them and <c>%q</c> as fmt prints them.</summary>
internal static class GoQuote
{
    /// <summary><c>strconv.Quote</c>: a double-quoted Go string literal, printable characters kept as they are.</summary>
    public static string Quote(string value) => Quote(value, '"', asciiOnly: false);

    /// <summary><c>strconv.QuoteToASCII</c> (<c>%+q</c>), or <c>strconv.QuoteRune</c> with <paramref name="quote"/> <c>'</c>.</summary>
    public static string Quote(string value, char quote, bool asciiOnly)
    {
        var builder = new StringBuilder(value.Length + 2);
        builder.Append(quote);
        foreach (var rune in value.EnumerateRunes())
        {
            AppendEscaped(builder, rune, quote, asciiOnly);
        }
        return builder.Append(quote).ToString();
    }

    private static void AppendEscaped(StringBuilder builder, Rune rune, char quote, bool asciiOnly)
    {
        var value = rune.Value;
        if (value == quote || value == '\\')
        {
            builder.Append('\\').Append((char)value);
            return;
        }
        if (asciiOnly ? value is >= 0x20 and < 0x7F : IsPrint(rune))
        {
            builder.Append(rune.ToString());
            return;
        }
        switch (value)
        {
            case '\a': builder.Append("\\a"); return;
            case '\b': builder.Append("\\b"); return;
            case '\f': builder.Append("\\f"); return;
            case '\n': builder.Append("\\n"); return;
            case '\r': builder.Append("\\r"); return;
            case '\t': builder.Append("\\t"); return;
            case '\v': builder.Append("\\v"); return;
        }
        builder.Append(value switch
        {
            < 0x20 or 0x7F => string.Create(CultureInfo.InvariantCulture, $"\\x{value:x2}"),
            < 0x10000 => string.Create(CultureInfo.InvariantCulture, $"\\u{value:x4}"),
            _ => string.Create(CultureInfo.InvariantCulture, $"\\U{value:x8}"),
        });
    }

    /// <summary>Go's <c>unicode.IsPrint</c>: letters, marks, numbers, punctuation, symbols and the ASCII space.</summary>
    public static bool IsPrint(Rune rune)
    {
        if (rune.Value == ' ')
        {
            return true;
        }
        return Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse
                or UnicodeCategory.OtherNotAssigned or UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator
                or UnicodeCategory.ParagraphSeparator => false,
            _ => true,
        };
    }

    /// <summary>
    /// <c>strconv.Unquote</c> of a template's string literal: <c>"..."</c> with Go's escapes, or <c>`...`</c> raw (carriage
    /// returns dropped, as Go does). Null when the literal is malformed (Go's "invalid syntax").
    /// </summary>
    public static string? Unquote(string literal)
    {
        if (literal.Length < 2)
        {
            return null;
        }
        if (literal[0] == '`')
        {
            return literal[^1] == '`' ? literal[1..^1].Replace("\r", "", StringComparison.Ordinal) : null;
        }
        if (literal[0] != '"' || literal[^1] != '"')
        {
            return null;
        }
        var builder = new StringBuilder(literal.Length);
        var i = 1;
        var end = literal.Length - 1;
        while (i < end)
        {
            if (!TryUnquoteChar(literal, ref i, end, '"', builder))
            {
                return null;
            }
        }
        return builder.ToString();
    }

    /// <summary>The value of a character constant such as <c>'a'</c> or <c>'\n'</c>; null when malformed.</summary>
    public static int? UnquoteRune(string literal)
    {
        if (literal.Length < 3 || literal[0] != '\'' || literal[^1] != '\'')
        {
            return null;
        }
        var builder = new StringBuilder(2);
        var i = 1;
        if (!TryUnquoteChar(literal, ref i, literal.Length - 1, '\'', builder) || i != literal.Length - 1)
        {
            return null;
        }
        var text = builder.ToString();
        return Rune.TryGetRuneAt(text, 0, out var rune) && rune.Utf16SequenceLength == text.Length ? rune.Value : null;
    }

    // One character or escape of a quoted literal, appended to builder.
    private static bool TryUnquoteChar(string s, ref int i, int end, char quote, StringBuilder builder)
    {
        var c = s[i];
        if (c == quote && quote == '\'' || c == '\n')
        {
            return false;
        }
        if (c != '\\')
        {
            builder.Append(c);
            i++;
            return true;
        }
        if (i + 1 >= end)
        {
            return false;
        }
        var e = s[i + 1];
        i += 2;
        switch (e)
        {
            case 'a': builder.Append('\a'); return true;
            case 'b': builder.Append('\b'); return true;
            case 'f': builder.Append('\f'); return true;
            case 'n': builder.Append('\n'); return true;
            case 'r': builder.Append('\r'); return true;
            case 't': builder.Append('\t'); return true;
            case 'v': builder.Append('\v'); return true;
            case '\\': builder.Append('\\'); return true;
            case '\'' or '"':
                if (e != quote)
                {
                    return false;
                }
                builder.Append(e);
                return true;
            case 'x':
                return AppendHex(s, ref i, end, 2, builder, isByte: true);
            case 'u':
                return AppendHex(s, ref i, end, 4, builder, isByte: false);
            case 'U':
                return AppendHex(s, ref i, end, 8, builder, isByte: false);
            case >= '0' and <= '7':
                if (i + 2 > end)
                {
                    return false;
                }
                var octal = e - '0';
                for (var k = 0; k < 2; k++)
                {
                    var d = s[i + k];
                    if (d is < '0' or > '7')
                    {
                        return false;
                    }
                    octal = octal * 8 + (d - '0');
                }
                if (octal > 255)
                {
                    return false;
                }
                i += 2;
                builder.Append((char)octal);
                return true;
            default:
                return false;
        }
    }

    // \xhh is a byte in Go; bytes above 0x7F stand alone here as the Latin-1 character (strings are UTF-16).
    private static bool AppendHex(string s, ref int i, int end, int digits, StringBuilder builder, bool isByte)
    {
        if (i + digits > end ||
            !int.TryParse(s.AsSpan(i, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }
        i += digits;
        if (isByte)
        {
            builder.Append((char)value);
            return true;
        }
        if (!Rune.IsValid(value))
        {
            return false;
        }
        builder.Append(new Rune(value).ToString());
        return true;
    }
}
