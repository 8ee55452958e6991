using Switchyard.Functions.BuiltIn;

namespace Switchyard.Functions.Tests.BuiltIn;

public sealed class GoTimeTests
{
    private static readonly DateTimeOffset Instant = new(2022, 1, 19, 17, 25, 17, TimeSpan.Zero);

    [Theory]
    [InlineData(0, "2022-01-19 17:25:17 +0000 UTC")]
    [InlineData(1, "2022-01-19 17:25:17.0000001 +0000 UTC")]
    [InlineData(22_530, "2022-01-19 17:25:17.002253 +0000 UTC")]
    [InlineData(5_000_000, "2022-01-19 17:25:17.5 +0000 UTC")]
    public void Formats_utc_with_the_fraction_trimmed(long ticks, string text) =>
        GoTime.Format(Instant.AddTicks(ticks), TimeZoneInfo.Utc).Should().Be(text);

    [Theory]
    [InlineData(60, "2022-01-19 18:25:17 +0100 +0100")]
    [InlineData(-150, "2022-01-19 14:55:17 -0230 -0230")]
    public void A_zone_without_a_name_prints_its_offset_in_place_of_the_name(int minutes, string text)
    {
        var zone = TimeZoneInfo.CreateCustomTimeZone("test", TimeSpan.FromMinutes(minutes), "test", "test");

        GoTime.Format(Instant, zone).Should().Be(text);
    }
}
