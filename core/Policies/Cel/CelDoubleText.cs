using System.Globalization;
using Switchyard.Templates;

namespace Switchyard.Core.Policies.Cel;

/// <summary>
/// Writes doubles as <c>string(x)</c> does in cel-go, with Go's shortest <c>%g</c>: the fewest digits that read
/// back to the same double, plain while the decimal exponent is from -4 to 5, else <c>d.ddde+XX</c>
/// (<c>123456</c>, <c>1.234567e+06</c>, <c>0.0001</c>, <c>1e-05</c>).
/// </summary>
internal static class CelDoubleText
{
    // strconv.FormatFloat(f, 'g', -1, 64), which is also how it prints NaN and the infinities.
    public static string Format(double value) => GoFloat.Format(value, 'g', -1);

    /// <summary>Writes an exact decimal without exponent or trailing zeros (<c>1.5</c>, <c>90</c>).</summary>
    public static string FormatFixed(decimal value) => value.ToString("0.#############################", CultureInfo.InvariantCulture);
}
