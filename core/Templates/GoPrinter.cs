using System.Globalization;
using System.Text;

namespace Switchyard.Templates;

/// <summary>
/// The verb engine behind <see cref="GoFormat"/>: one verb with its flags, width and precision applied to one value of
/// the template model, recursively for slices and maps (Go pads each element, not the whole).
/// </summary>
internal sealed class GoPrinter
{
    private readonly StringBuilder _output = new();
    private readonly IReadOnlyList<object?> _arguments;
    private int _argument;
    private bool _reordered;
    private bool _goodArgumentIndex;
    private bool _plus;
    private bool _minus;
    private bool _sharp;
    private bool _space;
    private bool _zero;
    private int _width = -1;
    private int _precision = -1;

    private GoPrinter(IReadOnlyList<object?> arguments)
    {
        _arguments = arguments;
    }

    /// <summary>One value with a verb and no flags.</summary>
    public static string Format(object? value, char verb)
    {
        var printer = new GoPrinter([]);
        printer.PrintArgument(value, verb, depth: 0);
        return printer._output.ToString();
    }

    public static string Sprintf(string format, IReadOnlyList<object?> arguments)
    {
        var printer = new GoPrinter(arguments);
        var i = 0;
        while (i < format.Length)
        {
            var percent = format.IndexOf('%', i);
            if (percent < 0)
            {
                printer._output.Append(format, i, format.Length - i);
                break;
            }
            printer._output.Append(format, i, percent - i);
            i = printer.ParseDirective(format, percent + 1);
        }
        // Go only complains of unused arguments when no directive chose its argument by index.
        if (!printer._reordered && printer._argument < arguments.Count)
        {
            printer.AppendExtra(printer._argument);
        }
        return printer._output.ToString();
    }

    // Flags, [index], width, precision and verb after a '%', as Go's doPrintf reads them; returns the index after the verb.
    private int ParseDirective(string format, int i)
    {
        ResetFlags();
        _goodArgumentIndex = true;
        for (; i < format.Length; i++)
        {
            switch (format[i])
            {
                case '+': _plus = true; continue;
                case '-': _minus = true; _zero = false; continue;
                case '#': _sharp = true; continue;
                case ' ': _space = true; continue;
                case '0': _zero = !_minus; continue;
            }
            break;
        }
        var afterIndex = ArgumentIndex(format, ref i);
        if (i < format.Length && format[i] == '*')
        {
            i++;
            if (!TakeNumberArgument(out _width))
            {
                _output.Append("%!(BADWIDTH)");
            }
            else if (_width < 0)
            {
                _width = -_width;
                _minus = true;
                _zero = false;
            }
            afterIndex = false;
        }
        else
        {
            _width = ReadNumber(format, ref i);
            if (afterIndex && _width >= 0)
            {
                _goodArgumentIndex = false;
            }
        }
        if (i + 1 < format.Length && format[i] == '.')
        {
            i++;
            if (afterIndex)
            {
                _goodArgumentIndex = false;
            }
            afterIndex = ArgumentIndex(format, ref i);
            if (i < format.Length && format[i] == '*')
            {
                i++;
                if (!TakeNumberArgument(out _precision) || _precision < 0)
                {
                    _precision = -1;
                    _output.Append("%!(BADPREC)");
                }
                afterIndex = false;
            }
            else
            {
                _precision = Math.Max(ReadNumber(format, ref i), 0);
            }
        }
        if (!afterIndex)
        {
            ArgumentIndex(format, ref i);
        }
        if (i >= format.Length)
        {
            _output.Append("%!(NOVERB)");
            return i;
        }
        var verb = Rune.GetRuneAt(format, i);
        i += verb.Utf16SequenceLength;
        if (verb.Value == '%')
        {
            _output.Append('%');
        }
        else if (!_goodArgumentIndex)
        {
            _output.Append("%!").Append(verb.ToString()).Append("(BADINDEX)");
        }
        else if (_argument >= _arguments.Count)
        {
            _output.Append("%!").Append(verb.ToString()).Append("(MISSING)");
        }
        else if (verb.IsBmp)
        {
            PrintArgument(_arguments[_argument++], (char)verb.Value, depth: 0);
        }
        else
        {
            BadVerb(_arguments[_argument++], verb.ToString());
        }
        return i;
    }

    // "[n]" chooses argument n (1-based) for what follows; a malformed or out-of-range index spoils the directive.
    private bool ArgumentIndex(string format, ref int i)
    {
        if (i >= format.Length || format[i] != '[')
        {
            return false;
        }
        _reordered = true;
        var close = format.IndexOf(']', i);
        if (close < 0)
        {
            _goodArgumentIndex = false;
            i++;
            return false;
        }
        var ok = int.TryParse(format.AsSpan(i + 1, close - i - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index);
        i = close + 1;
        if (!ok || index < 1 || index > _arguments.Count)
        {
            _goodArgumentIndex = false;
            return ok;
        }
        _argument = index - 1;
        return true;
    }

    private static int ReadNumber(string format, ref int i)
    {
        var start = i;
        var value = 0;
        while (i < format.Length && char.IsAsciiDigit(format[i]) && value < 1_000_000)
        {
            value = value * 10 + (format[i] - '0');
            i++;
        }
        return i > start ? value : -1;
    }

    private bool TakeNumberArgument(out int value)
    {
        value = -1;
        if (_argument >= _arguments.Count)
        {
            return false;
        }
        if (_arguments[_argument++] is long number && number is > -1_000_000 and < 1_000_000)
        {
            value = (int)number;
            return true;
        }
        return false;
    }

    private void AppendExtra(int first)
    {
        var arguments = _arguments;
        _output.Append("%!(EXTRA ");
        for (var i = first; i < arguments.Count; i++)
        {
            if (i > first)
            {
                _output.Append(", ");
            }
            if (arguments[i] is null)
            {
                _output.Append("<nil>");
                continue;
            }
            _output.Append(GoValues.TypeName(arguments[i])).Append('=');
            ResetFlags();
            PrintArgument(arguments[i], 'v', depth: 0);
        }
        _output.Append(')');
    }

    private void ResetFlags()
    {
        _plus = _minus = _sharp = _space = _zero = false;
        _width = _precision = -1;
    }

    private void PrintArgument(object? value, char verb, int depth)
    {
        if (verb == 'T')
        {
            Pad(GoValues.TypeName(value));
            return;
        }
        switch (value)
        {
            case null:
                if (depth > 0 || verb == 'v')
                {
                    Pad(_sharp && verb == 'v' && depth > 0 ? "interface {}(nil)" : "<nil>");
                }
                else
                {
                    BadVerb(value, verb);
                }
                return;
            case bool flag:
                if (verb is 't' or 'v')
                {
                    Pad(flag ? "true" : "false");
                }
                else
                {
                    BadVerb(value, verb);
                }
                return;
            case long number:
                PrintInteger(number, verb);
                return;
            case double number:
                PrintFloat(number, verb);
                return;
            case string text:
                PrintString(text, verb);
                return;
            case IReadOnlyList<object?> list:
                PrintList(list, verb, depth);
                return;
            case IReadOnlyDictionary<string, object?> map:
                PrintMap(map, verb, depth);
                return;
            default:
                Pad($"<{GoValues.TypeName(value)}>");
                return;
        }
    }

    private void PrintList(IReadOnlyList<object?> list, char verb, int depth)
    {
        if (_sharp && verb == 'v')
        {
            _output.Append("[]interface {}{");
            for (var i = 0; i < list.Count; i++)
            {
                _output.Append(i > 0 ? ", " : "");
                PrintArgument(list[i], verb, depth + 1);
            }
            _output.Append('}');
            return;
        }
        _output.Append('[');
        for (var i = 0; i < list.Count; i++)
        {
            if (i > 0)
            {
                _output.Append(' ');
            }
            PrintArgument(list[i], verb, depth + 1);
        }
        _output.Append(']');
    }

    private void PrintMap(IReadOnlyDictionary<string, object?> map, char verb, int depth)
    {
        var goSyntax = _sharp && verb == 'v';
        _output.Append(goSyntax ? "map[string]interface {}{" : "map[");
        var first = true;
        foreach (var key in GoValues.SortedKeys(map))
        {
            if (!first)
            {
                _output.Append(goSyntax ? ", " : " ");
            }
            first = false;
            PrintArgument(key, verb, depth + 1);
            _output.Append(':');
            PrintArgument(map[key], verb, depth + 1);
        }
        _output.Append(goSyntax ? '}' : ']');
    }

    private void PrintInteger(long number, char verb)
    {
        switch (verb)
        {
            case 'v' or 'd':
                PadNumber(number < 0, Digits(number, 10, upper: false), prefix: "");
                return;
            case 'b' or 'o' or 'O' or 'x' or 'X':
                var (radix, prefix) = verb switch
                {
                    'b' => (2, _sharp ? "0b" : ""),
                    'o' => (8, _sharp ? "0" : ""),
                    'O' => (8, "0o"),
                    'x' => (16, _sharp ? "0x" : ""),
                    _ => (16, _sharp ? "0X" : ""),
                };
                PadNumber(number < 0, Digits(number, radix, upper: verb == 'X'), prefix);
                return;
            case 'c':
                Pad(RuneText(number));
                return;
            case 'q':
                Pad(GoQuote.Quote(RuneText(number), '\'', asciiOnly: _plus));
                return;
            case 'U':
                var code = "U+" + Digits(number, 16, upper: true).PadLeft(Math.Max(_precision, 4), '0');
                Pad(_sharp && number is >= 0 and <= 0x10FFFF && GoQuote.IsPrint(new Rune((int)number))
                    ? $"{code} '{RuneText(number)}'"
                    : code);
                return;
            default:
                BadVerb(number, verb);
                return;
        }
    }

    private static string RuneText(long number) =>
        number is >= 0 and <= 0x10FFFF && Rune.IsValid((int)number) ? new Rune((int)number).ToString() : "\uFFFD";

    // Magnitude digits in a base; the precision is a minimum digit count (".0" with 0 prints nothing, as Go does).
    private string Digits(long number, int radix, bool upper)
    {
        var magnitude = number < 0 ? (ulong)(-(number + 1)) + 1 : (ulong)number;
        if (_precision == 0 && magnitude == 0)
        {
            return "";
        }
        var digits = radix == 10
            ? magnitude.ToString(CultureInfo.InvariantCulture)
            : ToBase(magnitude, radix, upper);
        return _precision > digits.Length ? digits.PadLeft(_precision, '0') : digits;
    }

    private static string ToBase(ulong value, int radix, bool upper)
    {
        if (value == 0)
        {
            return "0";
        }
        var alphabet = upper ? "0123456789ABCDEF" : "0123456789abcdef";
        var chars = new Stack<char>();
        while (value > 0)
        {
            chars.Push(alphabet[(int)(value % (ulong)radix)]);
            value /= (ulong)radix;
        }
        return new string([.. chars]);
    }

    private void PrintFloat(double number, char verb)
    {
        string text;
        switch (verb)
        {
            case 'v' or 'g' or 'G':
                text = GoFloat.Format(number, verb == 'G' ? 'G' : 'g', _precision);
                break;
            case 'e' or 'E':
                text = GoFloat.Format(number, verb, _precision < 0 ? 6 : _precision);
                break;
            case 'f' or 'F':
                text = GoFloat.Format(number, 'f', _precision < 0 ? 6 : _precision);
                break;
            default:
                BadVerb(number, verb);
                return;
        }
        var negative = text.StartsWith('-');
        var body = negative || text.StartsWith('+') ? text[1..] : text;
        if (double.IsInfinity(number) || double.IsNaN(number))
        {
            // Infinities and NaN are never zero-padded.
            // Go always signs infinity ("+Inf"); NaN only on request.
            var sign = double.IsNaN(number) ? (_plus ? "+" : _space ? " " : "") : number > 0 ? (_space && !_plus ? " " : "+") : "-";
            Pad(sign + (double.IsNaN(number) ? "NaN" : "Inf"), allowZeros: false);
            return;
        }
        PadNumber(negative, body, prefix: "", precisionAppliesToDigits: false);
    }

    private void PrintString(string text, char verb)
    {
        if (_precision >= 0 && verb is 's' or 'v' or 'q' or 'x' or 'X')
        {
            text = Truncate(text, _precision);
        }
        switch (verb)
        {
            case 'v' when _sharp:
                Pad(GoQuote.Quote(text));
                return;
            case 'v' or 's':
                Pad(text);
                return;
            case 'q':
                Pad(_sharp && !text.Contains('`') ? $"`{text}`" : GoQuote.Quote(text, '"', asciiOnly: _plus));
                return;
            case 'x' or 'X':
                Pad(Hex(text, verb == 'X'));
                return;
            default:
                BadVerb(text, verb);
                return;
        }
    }

    // Precision counts runes, as Go does.
    private static string Truncate(string text, int runes)
    {
        var count = 0;
        var index = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (count == runes)
            {
                return text[..index];
            }
            count++;
            index += rune.Utf16SequenceLength;
        }
        return text;
    }

    private string Hex(string text, bool upper)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var builder = new StringBuilder();
        for (var i = 0; i < bytes.Length; i++)
        {
            if (_space && i > 0)
            {
                builder.Append(' ');
            }
            if (_sharp && (_space || i == 0))
            {
                builder.Append(upper ? "0X" : "0x");
            }
            builder.Append(bytes[i].ToString(upper ? "X2" : "x2", CultureInfo.InvariantCulture));
        }
        return builder.ToString();
    }

    // %!verb(type=value), the value printed with %v.
    private void BadVerb(object? value, char verb) => BadVerb(value, verb.ToString());

    private void BadVerb(object? value, string verb)
    {
        _output.Append("%!").Append(verb).Append('(');
        if (value is null)
        {
            _output.Append("<nil>");
        }
        else
        {
            _output.Append(GoValues.TypeName(value)).Append('=');
            var (plus, minus, sharp, space, zero, width, precision) = (_plus, _minus, _sharp, _space, _zero, _width, _precision);
            ResetFlags();
            PrintArgument(value, 'v', depth: 0);
            (_plus, _minus, _sharp, _space, _zero, _width, _precision) = (plus, minus, sharp, space, zero, width, precision);
        }
        _output.Append(')');
    }

    // A number: sign (from '-' or the + and space flags), prefix, digits; zero padding goes between sign and digits.
    private void PadNumber(bool negative, string digits, string prefix, bool precisionAppliesToDigits = true)
    {
        var sign = negative ? "-" : _plus ? "+" : _space ? " " : "";
        var head = sign + prefix;
        // Go ignores the 0 flag for integers when a precision is given.
        var zeros = _zero && !_minus && !(precisionAppliesToDigits && _precision >= 0);
        if (zeros && _width > head.Length + digits.Length)
        {
            _output.Append(head).Append('0', _width - head.Length - digits.Length).Append(digits);
            return;
        }
        Pad(head + digits, allowZeros: false);
    }

    private void Pad(string text, bool allowZeros = true)
    {
        var length = text.EnumerateRunes().Count();
        if (_width <= length)
        {
            _output.Append(text);
            return;
        }
        var padding = _width - length;
        if (_minus)
        {
            _output.Append(text).Append(' ', padding);
        }
        else
        {
            _output.Append(allowZeros && _zero ? '0' : ' ', padding).Append(text);
        }
    }
}
