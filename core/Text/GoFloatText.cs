using System.Globalization;
using System.Text;

namespace Switchyard.Core.Text;

/// <summary>
/// Go's <c>strconv.FormatFloat(f, fmt, -1, 64)</c> for a finite float: the shortest digits that read back as the same
/// float64, written plain (<c>0.000001</c>, <c>100000000000000000000</c>) or as <c>d.ddde±XX</c>. Callers choose which
/// from the decimal exponent, as Go's <c>%g</c> (CEL's <c>string(x)</c>) and <c>encoding/json</c> do differently.
/// </summary>
internal static class GoFloatText
{
    /// <param name="value">A finite number.</param>
    /// <param name="exponential">Given the decimal exponent (1 for 12.5), whether to write <c>d.ddde±XX</c>.</param>
    /// <param name="padNegativeExponent">
    /// Whether a negative exponent has two digits at least (<c>1e-07</c>, Go's own) or not (<c>1e-7</c>, what
    /// encoding/json writes).
    /// </param>
    public static string Format(double value, Func<int, bool> exponential, bool padNegativeExponent = true)
    {
        if (value == 0)
        {
            return double.IsNegative(value) ? "-0" : "0";
        }

        // "R" gives the shortest digits that round-trip, which is what Go's -1 precision asks for.
        var (digits, pointPosition) = Decompose(Math.Abs(value).ToString("R", CultureInfo.InvariantCulture));
        var exponent = pointPosition - 1;
        var text = new StringBuilder(24);
        if (value < 0)
        {
            text.Append('-');
        }

        if (exponential(exponent))
        {
            text.Append(digits[0]);
            if (digits.Length > 1)
            {
                text.Append('.').Append(digits, 1, digits.Length - 1);
            }

            var padding = exponent >= 0 || padNegativeExponent ? "00" : "0";
            text.Append('e').Append(exponent < 0 ? '-' : '+').Append(Math.Abs(exponent).ToString(padding, CultureInfo.InvariantCulture));
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
}
