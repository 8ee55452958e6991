using System.Globalization;
using Switchyard.Core.Text;

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

        return GoFloatText.Format(value, exponent => exponent < -4 || exponent >= 6);
    }

    /// <summary>Writes an exact decimal without exponent or trailing zeros (<c>1.5</c>, <c>90</c>).</summary>
    public static string FormatFixed(decimal value) => value.ToString("0.#############################", CultureInfo.InvariantCulture);
}
