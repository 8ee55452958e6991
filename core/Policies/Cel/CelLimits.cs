namespace Switchyard.Core.Policies.Cel;

/// <summary>The ranges CEL gives timestamps and durations, in .NET ticks.</summary>
internal static class CelLimits
{
    /// <summary>Durations are Go's: at most 2^63-1 nanoseconds either way (about 292 years).</summary>
    public const long MaxDurationTicks = long.MaxValue / 100;

    public const string IntOverflow = "integer overflow";
    public const string UintOverflow = "unsigned integer overflow";
    public const string TimestampOverflow = "timestamp overflow";
    public const string DurationOverflow = "duration overflow";

    /// <summary>Timestamps run from year 1 to the end of year 9999, exactly .NET's range.</summary>
    public static CelValue Timestamp(long utcTicks) =>
        utcTicks is >= 0 and <= 3155378975999999999 ? CelValue.FromTimestampTicks(utcTicks) : CelValue.Error(TimestampOverflow);

    public static CelValue Duration(long ticks) =>
        ticks is >= -MaxDurationTicks and <= MaxDurationTicks ? CelValue.FromDurationTicks(ticks) : CelValue.Error(DurationOverflow);
}
