using System.Globalization;

namespace Switchyard.Functions.BuiltIn;

/// <summary>
/// Go's <c>time.Time.String()</c>, the timestamps of KrakenD's health endpoint:
/// <c>2006-01-02 15:04:05.999999999 -0700 MST</c> without the monotonic <c>m=</c> suffix.
/// </summary>
internal static class GoTime
{
    /// <summary>Formats <paramref name="instant"/> in <paramref name="zone"/>.</summary>
    /// <remarks>
    /// .NET has no zone abbreviations (and Switchyard runs with invariant globalization), so only UTC gets a name,
    /// <c>UTC</c>; other zones print their offset in its place, as Go does for a zone without a name.
    /// </remarks>
    public static string Format(DateTimeOffset instant, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        var offset = FormatOffset(local.Offset);
        var name = zone.HasSameRules(TimeZoneInfo.Utc) ? "UTC" : offset;
        var text = local.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

        // .999999999: the fraction with its trailing zeros (and a bare dot) dropped; .NET stops at 100 ns.
        var fraction = local.Ticks % TimeSpan.TicksPerSecond;
        if (fraction != 0)
        {
            text += "." + fraction.ToString("D7", CultureInfo.InvariantCulture).TrimEnd('0');
        }

        return $"{text} {offset} {name}";
    }

    private static string FormatOffset(TimeSpan offset)
    {
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        var abs = offset.Duration();
        return string.Create(CultureInfo.InvariantCulture, $"{sign}{abs.Hours:D2}{abs.Minutes:D2}");
    }
}
