using System.Globalization;
using System.Text;
using Switchyard.Core.Encoding;

namespace Switchyard.Templates.Sprig;

/// <summary>
/// Go's <c>json.Marshal</c> (and <c>json.MarshalIndent</c>) over the template value model, byte for byte: map keys
/// sorted, <c>&lt; &gt; &amp;</c> and U+2028/U+2029 escaped as <c>\u003c</c>..., floats in Go's shortest form
/// (<c>8080</c>, <c>0.5</c>, <c>1e+21</c>, <c>1e-7</c>). A value JSON cannot hold (NaN, infinities, a function, a cycle) fails.
/// </summary>
internal sealed class GoJson
{
    // Go's encoder starts looking for cycles past 1000 levels and fails on one; a map set into itself (`set $d "x" $d`)
    // fails here at that depth too, instead of exhausting the stack.
    private const int MaxDepth = 1000;

    private readonly StringBuilder _text = new();
    private readonly string? _indent;
    private readonly bool _escapeHtml;

    private GoJson(string? indent, bool escapeHtml)
    {
        _indent = indent;
        _escapeHtml = escapeHtml;
    }

    /// <summary>The value's JSON; null when Go's encoder would fail.</summary>
    /// <param name="value">A template value.</param>
    /// <param name="indent">Each level's indent (<c>json.MarshalIndent</c>); null writes compact JSON.</param>
    /// <param name="escapeHtml">Whether <c>&lt; &gt; &amp;</c> are escaped (Go's default; false is <c>SetEscapeHTML(false)</c>).</param>
    public static string? Marshal(object? value, string? indent = null, bool escapeHtml = true)
    {
        var json = new GoJson(indent, escapeHtml);
        return json.Write(value, depth: 0) ? json._text.ToString() : null;
    }

    private bool Write(object? value, int depth)
    {
        if (depth > MaxDepth)
        {
            return false;
        }

        switch (value)
        {
            case null:
                _text.Append("null");
                return true;
            case bool flag:
                _text.Append(flag ? "true" : "false");
                return true;
            case long number:
                _text.Append(number.ToString(CultureInfo.InvariantCulture));
                return true;
            case double number:
                return WriteFloat(number);
            case string s:
                WriteString(s);
                return true;
            case IReadOnlyDictionary<string, object?> map:
                return WriteMap(map, depth);
            case IReadOnlyList<object?> list:
                return WriteList(list, depth);
            default:
                return false;
        }
    }

    private bool WriteMap(IReadOnlyDictionary<string, object?> map, int depth)
    {
        _text.Append('{');
        var first = true;
        foreach (var key in map.Keys.Order(StringComparer.Ordinal))
        {
            Separate(depth + 1, ref first);
            WriteString(key);
            _text.Append(_indent is null ? ":" : ": ");
            if (!Write(map[key], depth + 1))
            {
                return false;
            }
        }

        Close(depth, first, '}');
        return true;
    }

    private bool WriteList(IReadOnlyList<object?> list, int depth)
    {
        _text.Append('[');
        var first = true;
        foreach (var item in list)
        {
            Separate(depth + 1, ref first);
            if (!Write(item, depth + 1))
            {
                return false;
            }
        }

        Close(depth, first, ']');
        return true;
    }

    private void Separate(int depth, ref bool first)
    {
        if (!first)
        {
            _text.Append(',');
        }

        first = false;
        NewLine(depth);
    }

    // An empty map or list stays "{}" / "[]" even when indented, as Go writes it.
    private void Close(int depth, bool empty, char closing)
    {
        if (!empty)
        {
            NewLine(depth);
        }

        _text.Append(closing);
    }

    private void NewLine(int depth)
    {
        if (_indent is null)
        {
            return;
        }

        _text.Append('\n');
        for (var i = 0; i < depth; i++)
        {
            _text.Append(_indent);
        }
    }

    // encoding/json refuses NaN and infinities; the rest in its float form (GoFloatFormat, the output encoders' own).
    private bool WriteFloat(double number)
    {
        if (!double.IsFinite(number))
        {
            return false;
        }

        _text.Append(GoFloatFormat.Format(number));
        return true;
    }

    private void WriteString(string value)
    {
        _text.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"':
                    _text.Append("\\\"");
                    break;
                case '\\':
                    _text.Append("\\\\");
                    break;
                case '\n':
                    _text.Append("\\n");
                    break;
                case '\r':
                    _text.Append("\\r");
                    break;
                case '\t':
                    _text.Append("\\t");
                    break;
                case '\u2028' or '\u2029' or < ' ':
                case '<' or '>' or '&' when _escapeHtml:
                    _text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                case >= '\uD800' and <= '\uDBFF' when i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]):
                    _text.Append(c).Append(value[++i]);
                    break;
                case >= '\uD800' and <= '\uDFFF':
                    // A lone surrogate is invalid UTF-8 in Go's eyes: it writes the replacement character.
                    _text.Append("\\ufffd");
                    break;
                default:
                    _text.Append(c);
                    break;
            }
        }

        _text.Append('"');
    }
}
