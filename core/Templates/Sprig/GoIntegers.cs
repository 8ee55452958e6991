using System.Globalization;

namespace Switchyard.Templates.Sprig;

/// <summary>Go's <c>strconv.ParseInt(s, 0, 64)</c>: an optional sign, then decimal or a 0x, 0o, 0b or leading-0 octal prefix, with <c>_</c> separators after a prefix.</summary>
internal static class GoIntegers
{
    public static bool TryParse(string text, out long value)
    {
        value = 0;
        var body = text;
        var negative = false;
        if (body.Length > 0 && (body[0] == '+' || body[0] == '-'))
        {
            negative = body[0] == '-';
            body = body[1..];
        }

        var (digits, radix) = body.Length > 1 && body[0] == '0'
            ? char.ToLowerInvariant(body[1]) switch
            {
                'x' => (body[2..], 16),
                'o' => (body[2..], 8),
                'b' => (body[2..], 2),
                _ => (body[1..], 8),
            }
            : (body, 10);
        if (radix != 10)
        {
            digits = digits.Replace("_", "", StringComparison.Ordinal);
        }

        if (digits.Length == 0 || !TryDigits(digits, radix, out var magnitude))
        {
            return false;
        }

        if (negative ? magnitude > (ulong)long.MaxValue + 1 : magnitude > long.MaxValue)
        {
            return false;
        }

        value = negative ? (long)(0 - magnitude) : (long)magnitude;
        return true;
    }

    private static bool TryDigits(string digits, int radix, out ulong magnitude)
    {
        magnitude = 0;
        foreach (var c in digits)
        {
            var digit = c switch
            {
                >= '0' and <= '9' => c - '0',
                >= 'a' and <= 'f' => c - 'a' + 10,
                >= 'A' and <= 'F' => c - 'A' + 10,
                _ => 99,
            };
            if (digit >= radix)
            {
                return false;
            }

            if (magnitude > (ulong.MaxValue - (ulong)digit) / (ulong)radix)
            {
                return false;
            }

            magnitude = (magnitude * (ulong)radix) + (ulong)digit;
        }

        return true;
    }

    /// <summary>Go's <c>strconv.Atoi</c>: decimal only, optional sign.</summary>
    public static bool TryParseDecimal(string text, out long value) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
}
