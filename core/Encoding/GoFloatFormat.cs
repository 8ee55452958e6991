using System.Globalization;

namespace Switchyard.Core.Encoding;

/// <summary>
/// Formats a floating-point number as Go's <c>encoding/json</c> does: the shortest text that reads back to the
/// same value, plain notation for 1e-6 &lt;= |x| &lt; 1e21 and exponent notation (<c>1e+21</c>, <c>1e-7</c>) outside.
/// Only numbers created in code need it: decoded numbers keep the backend's own text.
/// </summary>
internal static class GoFloatFormat
{
    public static string Format(double value) =>
        Format(value.ToString("R", CultureInfo.InvariantCulture), double.IsFinite(value), Math.Abs(value));

    public static string Format(float value) =>
        Format(value.ToString("R", CultureInfo.InvariantCulture), float.IsFinite(value), Math.Abs(value));

    private static string Format(string roundTrip, bool finite, double magnitude)
    {
        if (!finite)
        {
            // Go refuses to marshal NaN and infinities; null keeps the document valid.
            return "null";
        }

        var negative = roundTrip.StartsWith('-');
        var unsigned = negative ? roundTrip[1..] : roundTrip;
        var exponentAt = unsigned.IndexOfAny(['E', 'e']);
        var mantissa = exponentAt < 0 ? unsigned : unsigned[..exponentAt];
        var exponent = exponentAt < 0 ? 0 : int.Parse(unsigned.AsSpan(exponentAt + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

        var dot = mantissa.IndexOf('.');
        var digits = dot < 0 ? mantissa : string.Concat(mantissa.AsSpan(0, dot), mantissa.AsSpan(dot + 1));
        // pointAt: how many of the digits stand before the decimal point (may be negative or beyond the digits).
        var pointAt = (dot < 0 ? mantissa.Length : dot) + exponent;
        var leadingZeros = 0;
        while (leadingZeros < digits.Length - 1 && digits[leadingZeros] == '0')
        {
            leadingZeros++;
        }

        digits = digits[leadingZeros..].TrimEnd('0');
        pointAt -= leadingZeros;
        var sign = negative ? "-" : string.Empty;
        if (digits.Length == 0)
        {
            return sign + "0";
        }

        if (magnitude < 1e-6 || magnitude >= 1e21)
        {
            var decimalExponent = pointAt - 1;
            var fraction = digits.Length > 1 ? "." + digits[1..] : string.Empty;
            var exponentText = decimalExponent < 0
                ? "-" + (-decimalExponent).ToString(CultureInfo.InvariantCulture)
                : "+" + decimalExponent.ToString("00", CultureInfo.InvariantCulture);
            return sign + digits[0] + fraction + "e" + exponentText;
        }

        if (pointAt <= 0)
        {
            return sign + "0." + new string('0', -pointAt) + digits;
        }

        return pointAt >= digits.Length
            ? sign + digits + new string('0', pointAt - digits.Length)
            : sign + digits[..pointAt] + "." + digits[pointAt..];
    }
}
