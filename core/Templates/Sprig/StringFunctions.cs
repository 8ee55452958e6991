using System.Text;

namespace Switchyard.Templates.Sprig;

/// <summary>
/// Sprig's string functions. Their argument order is Sprig's, made for pipelines: the string operated on comes last
/// (<c>replace "old" "new" $s</c>, <c>trimPrefix "v" $s</c>, <c>contains "needle" $s</c>). Positions count UTF-8 bytes,
/// as Go's slices do.
/// </summary>
internal static class StringFunctions
{
    public static void AddTo(TemplateFunctions functions)
    {
        // char.IsWhiteSpace is the Unicode White_Space property, as Go's unicode.IsSpace.
        One(functions, "trim", s => s.Trim());
        One(functions, "upper", s => s.ToUpperInvariant());
        One(functions, "lower", s => s.ToLowerInvariant());
        One(functions, "title", Title);
        Two(functions, "trimAll", (cutset, s) => s.Trim(cutset.ToCharArray()));
        Two(functions, "trimPrefix", (prefix, s) => s.StartsWith(prefix, StringComparison.Ordinal) ? s[prefix.Length..] : s);
        Two(functions, "trimSuffix", (suffix, s) => s.EndsWith(suffix, StringComparison.Ordinal) ? s[..^suffix.Length] : s);
        Two(functions, "contains", (substring, s) => s.Contains(substring, StringComparison.Ordinal));
        Two(functions, "hasPrefix", (prefix, s) => s.StartsWith(prefix, StringComparison.Ordinal));
        Two(functions, "hasSuffix", (suffix, s) => s.EndsWith(suffix, StringComparison.Ordinal));
        functions.Add("replace", arguments =>
        {
            SprigArguments.Expect(arguments, "replace", 3);
            var old = SprigArguments.String(arguments, 0);
            var source = SprigArguments.String(arguments, 2);
            return old.Length == 0 ? ReplaceEmpty(source, SprigArguments.String(arguments, 1))
                : source.Replace(old, SprigArguments.String(arguments, 1), StringComparison.Ordinal);
        });
        functions.Add("quote", arguments => string.Join(' ', arguments.Where(a => a is not null).Select(a => GoFormat.Sprintf("%q", [SprigValues.Text(a)]))));
        functions.Add("squote", arguments => string.Join(' ', arguments.Where(a => a is not null).Select(a => $"'{SprigValues.Text(a)}'")));
        functions.Add("cat", arguments => string.Join(' ', arguments.Where(a => a is not null).Select(GoFormat.Print)));
        IntAndString(functions, "indent", (spaces, s) => Indent(spaces, s));
        IntAndString(functions, "nindent", (spaces, s) => "\n" + Indent(spaces, s));
        IntAndString(functions, "repeat", (count, s) => count < 0
            ? throw new TemplateFunctionException("strings: negative Repeat count")
            : new StringBuilder().Insert(0, s, (int)count).ToString());
        IntAndString(functions, "trunc", Truncate);
        functions.Add("substr", arguments =>
        {
            SprigArguments.Expect(arguments, "substr", 3);
            return Substring(SprigArguments.Int(arguments, 0), SprigArguments.Int(arguments, 1), SprigArguments.String(arguments, 2));
        });
        Two(functions, "splitList", (separator, s) => Split(s, separator).Cast<object?>().ToList());
        Two(functions, "split", (separator, s) =>
        {
            var parts = Split(s, separator);
            var map = new Dictionary<string, object?>(parts.Count, StringComparer.Ordinal);
            for (var i = 0; i < parts.Count; i++)
            {
                map[$"_{i}"] = parts[i];
            }

            return map;
        });
        functions.Add("join", arguments =>
        {
            SprigArguments.Expect(arguments, "join", 2);
            return string.Join(SprigArguments.String(arguments, 0), SprigValues.Texts(arguments[1]));
        });
    }

    private static void One(TemplateFunctions functions, string name, Func<string, object?> body) =>
        functions.Add(name, arguments =>
        {
            SprigArguments.Expect(arguments, name, 1);
            return body(SprigArguments.String(arguments, 0));
        });

    private static void Two(TemplateFunctions functions, string name, Func<string, string, object?> body) =>
        functions.Add(name, arguments =>
        {
            SprigArguments.Expect(arguments, name, 2);
            return body(SprigArguments.String(arguments, 0), SprigArguments.String(arguments, 1));
        });

    private static void IntAndString(TemplateFunctions functions, string name, Func<long, string, object?> body) =>
        functions.Add(name, arguments =>
        {
            SprigArguments.Expect(arguments, name, 2);
            return body(SprigArguments.Int(arguments, 0), SprigArguments.String(arguments, 1));
        });

    // strings.Title: a letter after a separator is upper-cased (each UTF-16 unit, which is exact outside the astral planes).
    private static string Title(string s)
    {
        var text = new StringBuilder(s.Length);
        var previous = ' ';
        foreach (var c in s)
        {
            text.Append(IsSeparator(previous) ? char.ToUpperInvariant(c) : c);
            previous = c;
        }

        return text.ToString();
    }

    // Go's isSeparator: ASCII other than letters, digits and '_'; beyond ASCII, only spaces.
    private static bool IsSeparator(char c) => c <= '\u007F'
        ? !(char.IsAsciiLetterOrDigit(c) || c == '_')
        : !char.IsLetterOrDigit(c) && char.IsWhiteSpace(c);

    // strings.Replace with an empty old string inserts the new one before every character and at the end.
    private static string ReplaceEmpty(string source, string replacement)
    {
        var text = new StringBuilder(replacement);
        foreach (var c in source)
        {
            text.Append(c).Append(replacement);
        }

        return text.ToString();
    }

    private static string Indent(long spaces, string s)
    {
        var pad = new string(' ', (int)Math.Max(0, spaces));
        return pad + s.Replace("\n", "\n" + pad, StringComparison.Ordinal);
    }

    private static string Truncate(long count, string s)
    {
        var bytes = Encoding.UTF8.GetBytes(s);
        if (count < 0 && bytes.Length + count > 0)
        {
            return Encoding.UTF8.GetString(bytes, bytes.Length + (int)count, -(int)count);
        }

        return count >= 0 && bytes.Length > count ? Encoding.UTF8.GetString(bytes, 0, (int)count) : s;
    }

    private static string Substring(long start, long end, string s)
    {
        var bytes = Encoding.UTF8.GetBytes(s);
        if (start < 0)
        {
            return Slice(bytes, 0, end);
        }

        return end < 0 || end > bytes.Length ? Slice(bytes, start, bytes.Length) : Slice(bytes, start, end);
    }

    private static string Slice(byte[] bytes, long start, long end) => start > end || end > bytes.Length
        ? throw new TemplateFunctionException($"runtime error: slice bounds out of range [{start}:{end}]")
        : Encoding.UTF8.GetString(bytes, (int)start, (int)(end - start));

    // strings.Split: an empty separator splits after every character; an empty string is one empty part.
    private static List<string> Split(string s, string separator) => separator.Length == 0
        ? [.. s.EnumerateRunes().Select(rune => rune.ToString())]
        : [.. s.Split(separator)];
}
