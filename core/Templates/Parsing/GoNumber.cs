using System.Globalization;
using System.Numerics;

namespace Switchyard.Templates.Parsing;

/// <summary>
/// Number constants as Go's template parser reads them (<c>strconv</c> with base prefixes, underscores, octal, hex
/// floats) and types them: integers become <c>long</c> (Go's <c>int</c>), numbers written with <c>.</c>, an exponent
/// or <c>p</c> become <c>double</c>.
/// </summary>
internal static class GoNumber
{
    /// <summary>
    /// The value of <paramref name="text"/>: a <c>long</c>, a <c>double</c>, or null for an integer that only fits
    /// unsigned 64 bits (Go reports "overflows int" when it is used).
    /// </summary>
    public static bool TryParse(string text, out object? value, out string error)
    {
        error = "";
        value = null;
        if (text.EndsWith('i'))
        {
            error = TryParse(text[..^1], out _, out _)
                ? $"complex constant {GoQuote.Quote(text)} is not supported"
                : $"illegal number syntax: {GoQuote.Quote(text)}";
            return false;
        }
        var isHexInt = IsHex(text) && text.IndexOfAny(['p', 'P']) < 0;
        var looksFloat = !isHexInt && text.IndexOfAny(['.', 'e', 'E', 'p', 'P']) >= 0;
        if (TryParseInteger(text, out var integer))
        {
            if (integer >= long.MinValue && integer <= long.MaxValue)
            {
                value = looksFloat ? (double)integer : (object)(long)integer;
                return true;
            }
            if (integer <= ulong.MaxValue && integer > 0)
            {
                return true;
            }
        }
        if (TryParseFloat(text, out var number))
        {
            if (!looksFloat)
            {
                error = $"integer overflow: {GoQuote.Quote(text)}";
                return false;
            }
            // Go keeps both readings of an integral float; as an argument of unknown type the syntax decides.
            value = number;
            return true;
        }
        error = $"illegal number syntax: {GoQuote.Quote(text)}";
        return false;
    }

    private static bool IsHex(string text)
    {
        var body = text.TrimStart('+', '-');
        return body.Length > 2 && body[0] == '0' && body[1] is 'x' or 'X';
    }

    // strconv.ParseInt(text, 0, 64) without the range check: sign, 0x/0o/0b/0 prefixes, underscores between digits.
    private static bool TryParseInteger(string text, out BigInteger value)
    {
        value = BigInteger.Zero;
        var s = text.AsSpan();
        var negative = false;
        if (s.Length > 0 && s[0] is '+' or '-')
        {
            negative = s[0] == '-';
            s = s[1..];
        }
        var radix = 10;
        var prefixed = false;
        if (s.Length > 1 && s[0] == '0')
        {
            switch (s[1])
            {
                case 'x' or 'X': radix = 16; s = s[2..]; prefixed = true; break;
                case 'o' or 'O': radix = 8; s = s[2..]; prefixed = true; break;
                case 'b' or 'B': radix = 2; s = s[2..]; prefixed = true; break;
                default: radix = 8; s = s[1..]; break;
            }
        }
        if (s.Length == 0 || !UnderscoresSeparateDigits(s, prefixed))
        {
            return false;
        }
        foreach (var c in s)
        {
            if (c == '_')
            {
                continue;
            }
            var digit = HexDigit(c);
            if (digit < 0 || digit >= radix)
            {
                return false;
            }
            value = value * radix + digit;
        }
        if (negative)
        {
            value = -value;
        }
        return true;
    }

    // Go: "_" only between digits, or right after a base prefix.
    private static bool UnderscoresSeparateDigits(ReadOnlySpan<char> digits, bool prefixed)
    {
        var previousIsDigit = prefixed;
        for (var i = 0; i < digits.Length; i++)
        {
            if (digits[i] == '_')
            {
                if (!previousIsDigit || i + 1 >= digits.Length || digits[i + 1] == '_')
                {
                    return false;
                }
                previousIsDigit = false;
                continue;
            }
            previousIsDigit = true;
        }
        return true;
    }

    private static bool TryParseFloat(string text, out double value)
    {
        value = 0;
        var s = text;
        var negative = false;
        if (s.Length > 0 && s[0] is '+' or '-')
        {
            negative = s[0] == '-';
            s = s[1..];
        }
        if (s.Contains("__", StringComparison.Ordinal) || s.StartsWith('_') || s.EndsWith('_'))
        {
            return false;
        }
        s = s.Replace("_", "", StringComparison.Ordinal);
        bool parsed;
        if (s.Length > 2 && s[0] == '0' && s[1] is 'x' or 'X')
        {
            parsed = TryParseHexFloat(s[2..], out value);
        }
        else
        {
            parsed = s.Length > 0 && (char.IsAsciiDigit(s[0]) || s[0] == '.') &&
                double.TryParse(s, NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out value);
        }
        if (!parsed || double.IsInfinity(value))
        {
            return false;
        }
        value = negative ? -value : value;
        return true;
    }

    // Hex mantissa with an optional point, then a mandatory binary exponent: 1.8p1 = 3.
    private static bool TryParseHexFloat(string s, out double value)
    {
        value = 0;
        var p = s.IndexOfAny(['p', 'P']);
        if (p < 0 || !int.TryParse(s.AsSpan(p + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var exponent))
        {
            return false;
        }
        var mantissa = 0.0;
        var scale = 0;
        var seenPoint = false;
        var digits = 0;
        foreach (var c in s.AsSpan(0, p))
        {
            if (c == '.' && !seenPoint)
            {
                seenPoint = true;
                continue;
            }
            var digit = HexDigit(c);
            if (digit < 0)
            {
                return false;
            }
            mantissa = mantissa * 16 + digit;
            digits++;
            if (seenPoint)
            {
                scale -= 4;
            }
        }
        if (digits == 0)
        {
            return false;
        }
        value = mantissa * Math.Pow(2, exponent + scale);
        return true;
    }

    private static int HexDigit(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
}
