using System.Globalization;
using System.Text;

namespace Switchyard.Core.Configuration;

/// <summary>
/// Writes a duration the way Go's <c>time.Duration.String</c> does (<c>3s</c>, <c>1.5s</c>, <c>250ms</c>,
/// <c>1m30s</c>, <c>2h0m0s</c>), so messages quote durations in the notation the file uses.
/// </summary>
internal static class GoDurationFormat
{
    private const long Microsecond = 1_000;
    private const long Millisecond = 1_000_000;
    private const long Second = 1_000_000_000;
    private const long Minute = 60 * Second;
    private const long Hour = 60 * Minute;

    public static string Format(TimeSpan value)
    {
        if (value == TimeSpan.Zero)
        {
            return "0s";
        }

        // Int128 keeps TimeSpan.MinValue and MaxValue (beyond Go's range) from overflowing.
        var nanoseconds = (Int128)value.Ticks * TimeSpan.NanosecondsPerTick;
        var text = new StringBuilder();
        if (nanoseconds < 0)
        {
            text.Append('-');
            nanoseconds = -nanoseconds;
        }

        if (nanoseconds < Second)
        {
            // Below a second Go picks the largest unit that keeps the whole part non-zero.
            return nanoseconds < Microsecond ? text.Append(Invariant(nanoseconds)).Append("ns").ToString()
                : nanoseconds < Millisecond ? AppendDecimal(text, nanoseconds, Microsecond).Append("µs").ToString()
                : AppendDecimal(text, nanoseconds, Millisecond).Append("ms").ToString();
        }

        var hours = nanoseconds / Hour;
        var minutes = nanoseconds % Hour / Minute;
        if (hours > 0)
        {
            text.Append(Invariant(hours)).Append('h');
        }

        if (hours > 0 || minutes > 0)
        {
            text.Append(Invariant(minutes)).Append('m');
        }

        return AppendDecimal(text, nanoseconds % Minute, Second).Append('s').ToString();
    }

    /// <summary>Appends <paramref name="value"/> / <paramref name="unit"/> with the fraction's trailing zeros dropped.</summary>
    private static StringBuilder AppendDecimal(StringBuilder text, Int128 value, long unit)
    {
        text.Append(Invariant(value / unit));
        var fraction = value % unit;
        if (fraction == 0)
        {
            return text;
        }

        var digits = unit.ToString(CultureInfo.InvariantCulture).Length - 1;
        return text.Append('.').Append(Invariant(fraction).PadLeft(digits, '0').TrimEnd('0'));
    }

    private static string Invariant(Int128 value) => value.ToString(CultureInfo.InvariantCulture);
}
