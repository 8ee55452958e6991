using System.Globalization;
using System.Text;

namespace Switchyard.Core.Policies.Cel;

/// <summary>
/// Writes doubles as <c>string(x)</c> does in cel-go, with Go's shortest <c>%g</c>: the fewest digits that read
/// back to the same double, plain while the decimal exponent is from -4 to 5, else <c>d.ddde+XX</c>
/// (<c>123456</c>, <c>1.234567e+06</c>, <c>0.0001</c>, <c>1e-05</c>).
/// </summary>
internal static class CelDoubleText
{
    public static string Format(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "+Inf" : "-Inf";
        }

        if (value == 0)
        {
            return double.IsNegative(value) ? "-0" : "0";
        }

        // "R" gives the shortest digits that round-trip, which is what Go's -1 precision asks for.
        var roundTrip = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        var (digits, pointPosition) = Decompose(roundTrip);
        var exponent = pointPosition - 1;
        var text = new StringBuilder(24);
        if (value < 0)
        {
            text.Append('-');
        }

        if (exponent < -4 || exponent >= 6)
        {
            text.Append(digits[0]);
            if (digits.Length > 1)
            {
                text.Append('.').Append(digits, 1, digits.Length - 1);
            }

            text.Append('e').Append(exponent < 0 ? '-' : '+').Append(Math.Abs(exponent).ToString("00", CultureInfo.InvariantCulture));
            return text.ToString();
        }

        if (pointPosition <= 0)
        {
            text.Append("0.").Append('0', -pointPosition).Append(digits);
        }
        else if (pointPosition >= digits.Length)
        {
            text.Append(digits).Append('0', pointPosition - digits.Length);
        }
        else
        {
            text.Append(digits, 0, pointPosition).Append('.').Append(digits, pointPosition, digits.Length - pointPosition);
        }

        return text.ToString();
    }

    /// <summary>Splits a positive number's round-trip text into significant digits and the decimal point's position.</summary>
    private static (string Digits, int PointPosition) Decompose(string roundTrip)
    {
        var exponentAt = roundTrip.IndexOf('E', StringComparison.Ordinal);
        var mantissa = exponentAt < 0 ? roundTrip : roundTrip[..exponentAt];
        var exponent = exponentAt < 0 ? 0 : int.Parse(roundTrip[(exponentAt + 1)..], CultureInfo.InvariantCulture);
        var point = mantissa.IndexOf('.', StringComparison.Ordinal);
        var digits = point < 0 ? mantissa : string.Concat(mantissa.AsSpan(0, point), mantissa.AsSpan(point + 1));
        var pointPosition = (point < 0 ? mantissa.Length : point) + exponent;
        var significant = digits.TrimStart('0');
        pointPosition -= digits.Length - significant.Length;
        return (significant.TrimEnd('0'), pointPosition);
    }

    /// <summary>Writes an exact decimal without exponent or trailing zeros (<c>1.5</c>, <c>90</c>).</summary>
    public static string FormatFixed(decimal value) => value.ToString("0.#############################", CultureInfo.InvariantCulture);
}
