using System.Globalization;

namespace Switchyard.Core.Policies.Cel;

/// <summary>
/// Reads numeric literals: decimal and hex ints (<c>42</c>, <c>0x2A</c>), uints (<c>42u</c>) and doubles
/// (<c>1.5</c>, <c>.5</c>, <c>1e3</c>, <c>2.5e-3</c>).
/// </summary>
internal static class CelNumberReader
{
    public static CelToken Read(string source, ref int at)
    {
        var start = at;
        if (source[at] == '0' && at + 1 < source.Length && source[at + 1] is 'x' or 'X')
        {
            at += 2;
            var digitsStart = at;
            while (at < source.Length && char.IsAsciiHexDigit(source[at]))
            {
                at++;
            }

            if (at == digitsStart)
            {
                throw new CelSyntaxException(start, $"invalid hex literal '{source[start..at]}'");
            }

            return Integer(source, start, ref at, source[digitsStart..at], NumberStyles.AllowHexSpecifier);
        }

        SkipDigits(source, ref at);
        var isDouble = false;
        if (at + 1 < source.Length && source[at] == '.' && char.IsAsciiDigit(source[at + 1]))
        {
            at++;
            SkipDigits(source, ref at);
            isDouble = true;
        }

        if (at < source.Length && source[at] is 'e' or 'E')
        {
            var exponent = at + 1;
            if (exponent < source.Length && source[exponent] is '+' or '-')
            {
                exponent++;
            }

            if (exponent < source.Length && char.IsAsciiDigit(source[exponent]))
            {
                at = exponent;
                SkipDigits(source, ref at);
                isDouble = true;
            }
        }

        if (isDouble)
        {
            var text = source[start..at];
            return new CelToken(CelTokenKind.DoubleLiteral, start, text, CelValue.FromDouble(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture)));
        }

        return Integer(source, start, ref at, source[start..at], NumberStyles.None);
    }

    // The magnitude is kept as a uint: whether it fits an int depends on a minus sign only the parser sees.
    private static CelToken Integer(string source, int start, ref int at, string digits, NumberStyles style)
    {
        var isUnsigned = at < source.Length && source[at] is 'u' or 'U';
        if (isUnsigned)
        {
            at++;
        }

        var text = source[start..at];
        if (!ulong.TryParse(digits, style, CultureInfo.InvariantCulture, out var magnitude))
        {
            throw new CelSyntaxException(start, $"invalid {(isUnsigned ? "uint" : "int")} literal '{text}'");
        }

        return new CelToken(isUnsigned ? CelTokenKind.UintLiteral : CelTokenKind.IntLiteral, start, text, CelValue.FromUint(magnitude));
    }

    private static void SkipDigits(string source, ref int at)
    {
        while (at < source.Length && char.IsAsciiDigit(source[at]))
        {
            at++;
        }
    }
}
