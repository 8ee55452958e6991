using System.Globalization;
using System.Text;

namespace Switchyard.Templates;

/// <summary>The escaping of Go's <c>html</c>, <c>js</c> and <c>urlquery</c> template functions.</summary>
internal static class GoEscapers
{
    /// <summary><c>template.HTMLEscapeString</c>: the five HTML specials as short entities, NUL as U+FFFD.</summary>
    public static string Html(string text)
    {
        if (text.AsSpan().IndexOfAny("'\"&<>\0") < 0)
        {
            return text;
        }
        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '\0' => "\uFFFD",
                '"' => "&#34;",
                '\'' => "&#39;",
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                _ => c.ToString(),
            });
        }
        return builder.ToString();
    }

    /// <summary>
    /// <c>template.JSEscapeString</c>: quotes, backslash, <c>&lt; &gt; &amp; =</c> and control characters escaped;
    /// other non-ASCII characters kept when printable, escaped as <c>\uXXXX</c> otherwise.
    /// </summary>
    public static string JavaScript(string text)
    {
        var builder = new StringBuilder(text.Length + 16);
        foreach (var rune in text.EnumerateRunes())
        {
            var value = rune.Value;
            switch (value)
            {
                case '\\': builder.Append(@"\\"); continue;
                case '\'': builder.Append(@"\'"); continue;
                case '"': builder.Append("\\\""); continue;
                case '<': builder.Append(@"\u003C"); continue;
                case '>': builder.Append(@"\u003E"); continue;
                case '&': builder.Append(@"\u0026"); continue;
                case '=': builder.Append(@"\u003D"); continue;
            }
            if (value < ' ')
            {
                builder.Append(string.Create(CultureInfo.InvariantCulture, $"\\u00{value:X2}"));
            }
            else if (value < 0x80 || GoQuote.IsPrint(rune))
            {
                builder.Append(rune.ToString());
            }
            else
            {
                builder.Append(string.Create(CultureInfo.InvariantCulture, $"\\u{value:X4}"));
            }
        }
        return builder.ToString();
    }

    /// <summary><c>url.QueryEscape</c>: unreserved characters kept, space as <c>+</c>, every other byte %XX.</summary>
    public static string UrlQuery(string text)
    {
        var builder = new StringBuilder(text.Length + 16);
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            if (b is (>= (byte)'a' and <= (byte)'z') or (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'0' and <= (byte)'9')
                or (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~')
            {
                builder.Append((char)b);
            }
            else if (b == ' ')
            {
                builder.Append('+');
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }
        return builder.ToString();
    }
}
