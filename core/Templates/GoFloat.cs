using System.Globalization;
using System.Text;

namespace Switchyard.Templates;

/// <summary>
/// Go's <c>strconv.FormatFloat</c> for the formats templates use: <c>'g'</c> (shortest or with a precision),
/// <c>'e'</c> and <c>'f'</c>. The shortest digits come from .NET's round-trip formatting, which finds the same
/// shortest decimal that Go's does; Go's layout rules are applied to them here.
/// </summary>
internal static class GoFloat
{
    /// <summary>
    /// <paramref name="value"/> in <paramref name="format"/> ('e', 'E', 'f', 'F', 'g', 'G') with
    /// <paramref name="precision"/> digits, or -1 for the fewest digits that read back as the same value.
    /// </summary>
    public static string Format(double value, char format, int precision)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }
        if (double.IsInfinity(value))
        {
            return value > 0 ? "+Inf" : "-Inf";
        }
        var negative = value < 0 || (value == 0 && double.IsNegative(value));
        var magnitude = Math.Abs(value);
        var upper = char.IsUpper(format);
        var text = char.ToLowerInvariant(format) switch
        {
            'e' => precision < 0 ? FormatE(Shortest(magnitude)) : FormatE(Rounded(magnitude, precision + 1), precision),
            'f' => precision < 0
                ? FormatF(Shortest(magnitude))
                : magnitude.ToString("F" + precision.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
            _ => FormatG(magnitude, precision),
        };
        if (upper)
        {
            text = text.ToUpperInvariant();
        }
        return negative ? "-" + text : text;
    }

    private static string FormatG(double magnitude, int precision)
    {
        var shortest = precision < 0;
        var digits = shortest ? Shortest(magnitude) : Rounded(magnitude, precision == 0 ? 1 : precision);
        var count = digits.Digits.Length;
        var eprec = shortest ? 6 : (precision == 0 ? 1 : precision);
        if (!shortest && eprec > count && count >= digits.Point)
        {
            eprec = count;
        }
        var exponent = digits.Point - 1;
        if (exponent < -4 || exponent >= eprec)
        {
            return FormatE(digits, count - 1);
        }
        return FormatF(digits, Math.Max(count - digits.Point, 0));
    }

    // d.ddddde±dd from the digits, with exactly `decimals` digits after the point (zeros added when short).
    private static string FormatE(Decimal digits, int decimals)
    {
        var builder = new StringBuilder();
        builder.Append(digits.Digits.Length > 0 ? digits.Digits[0] : '0');
        if (decimals > 0)
        {
            builder.Append('.');
            for (var i = 1; i <= decimals; i++)
            {
                builder.Append(i < digits.Digits.Length ? digits.Digits[i] : '0');
            }
        }
        var exponent = digits.Digits.Length == 0 || digits.Digits == "0" ? 0 : digits.Point - 1;
        builder.Append('e').Append(exponent < 0 ? '-' : '+');
        var absolute = Math.Abs(exponent);
        if (absolute < 10)
        {
            builder.Append('0');
        }
        return builder.Append(absolute.ToString(CultureInfo.InvariantCulture)).ToString();
    }

    // ddd.ddd from the digits, with exactly `decimals` digits after the point.
    private static string FormatF(Decimal digits, int decimals)
    {
        var builder = new StringBuilder();
        if (digits.Point <= 0)
        {
            builder.Append('0');
        }
        else
        {
            for (var i = 0; i < digits.Point; i++)
            {
                builder.Append(i < digits.Digits.Length ? digits.Digits[i] : '0');
            }
        }
        if (decimals > 0)
        {
            builder.Append('.');
            for (var i = 0; i < decimals; i++)
            {
                var index = digits.Point + i;
                builder.Append(index >= 0 && index < digits.Digits.Length ? digits.Digits[index] : '0');
            }
        }
        return builder.ToString();
    }

    // The shortest digits, all of them: 'e' and 'f' with precision -1.
    private static string FormatE(Decimal digits) => FormatE(digits, digits.Digits.Length - 1);

    private static string FormatF(Decimal digits) => FormatF(digits, Math.Max(digits.Digits.Length - digits.Point, 0));

    private static Decimal Shortest(double magnitude) => Parse(magnitude.ToString("R", CultureInfo.InvariantCulture));

    private static Decimal Rounded(double magnitude, int significantDigits) =>
        Parse(magnitude.ToString("E" + (significantDigits - 1).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture));

    // Digits without leading or trailing zeros, and where the decimal point falls: 0.0123 is ("123", -1).
    private static Decimal Parse(string text)
    {
        var e = text.IndexOfAny(['E', 'e']);
        var exponent = e < 0 ? 0 : int.Parse(text.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var mantissa = e < 0 ? text : text[..e];
        var dot = mantissa.IndexOf('.');
        var point = (dot < 0 ? mantissa.Length : dot) + exponent;
        var digits = mantissa.Replace(".", "", StringComparison.Ordinal);
        var leading = 0;
        while (leading < digits.Length - 1 && digits[leading] == '0')
        {
            leading++;
        }
        digits = digits[leading..].TrimEnd('0');
        point -= leading;
        return digits.Length == 0 ? new Decimal("0", 1) : new Decimal(digits, point);
    }

    private readonly record struct Decimal(string Digits, int Point);
}
