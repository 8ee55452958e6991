using Switchyard.Core.Configuration;

namespace Switchyard.Core.Policies.Cel;

/// <summary><c>timestamp(..)</c> and <c>duration(..)</c>; their arithmetic and comparisons live with the operators.</summary>
internal static class CelTimeFunctions
{
    public static void Register(CelFunctionRegistry registry)
    {
        registry.Add("timestamp")
            .Global(CelType.Timestamp, CelType.String).Global(CelType.Timestamp, CelType.Timestamp).Global(CelType.Timestamp, CelType.Int)
            .Implement(ToTimestamp);
        registry.Add("duration").Global(CelType.Duration, CelType.String).Global(CelType.Duration, CelType.Duration).Implement(ToDuration);
    }

    private static CelValue ToTimestamp(in CelValue value) => value.Kind switch
    {
        CelValueKind.Timestamp => value,
        CelValueKind.String => CelTimestampText.TryParse(value.AsString, out var ticks)
            ? CelValue.FromTimestampTicks(ticks)
            : CelValue.Error($"invalid timestamp '{value.AsString}'"),
        CelValueKind.Int => FromUnixSeconds(value.AsInt),
        _ => CelValue.NoSuchOverload("timestamp", value),
    };

    private static CelValue FromUnixSeconds(long seconds)
    {
        const long MaxSeconds = 253402300799;
        const long MinSeconds = -62135596800;
        return seconds is < MinSeconds or > MaxSeconds
            ? CelValue.Error(CelLimits.TimestampOverflow)
            : CelValue.FromTimestampTicks(DateTime.UnixEpoch.Ticks + (seconds * TimeSpan.TicksPerSecond));
    }

    private static CelValue ToDuration(in CelValue value) => value.Kind switch
    {
        CelValueKind.Duration => value,
        CelValueKind.String => GoDuration.TryParse(value.AsString, out var span, out var error) ? CelLimits.Duration(span.Ticks) : CelValue.Error(error),
        _ => CelValue.NoSuchOverload("duration", value),
    };
}
