using Switchyard.Core.Configuration;

namespace Switchyard.Core.Tests.Configuration;

public sealed class GoDurationTests
{
    public static TheoryData<string, TimeSpan> ValidDurations => new()
    {
        { "2s", TimeSpan.FromSeconds(2) },
        { "150ms", TimeSpan.FromMilliseconds(150) },
        { "1m30s", TimeSpan.FromSeconds(90) },
        { "1.5s", TimeSpan.FromMilliseconds(1500) },
        { "500us", TimeSpan.FromMicroseconds(500) },
        { "500\u00b5s", TimeSpan.FromMicroseconds(500) },
        { "500\u03bcs", TimeSpan.FromMicroseconds(500) },
        { "1h", TimeSpan.FromHours(1) },
        { "0", TimeSpan.Zero },
        { "0s", TimeSpan.Zero },
        { "-1.5h", TimeSpan.FromMinutes(-90) },
        { "+5s", TimeSpan.FromSeconds(5) },
        { ".5s", TimeSpan.FromMilliseconds(500) },
        { "1.s", TimeSpan.FromSeconds(1) },
        { "1h2m3s4ms5us600ns", new TimeSpan(0, 1, 2, 3, 4, 5) + TimeSpan.FromTicks(6) },
        { "0.0000001s", TimeSpan.FromTicks(1) },
        { "2562047h", TimeSpan.FromHours(2562047) },
    };

    [Theory]
    [MemberData(nameof(ValidDurations))]
    public void Go_duration_strings_are_read(string text, TimeSpan expected)
    {
        GoDuration.TryParse(text, out var value, out var error).Should().BeTrue(error);

        value.Should().Be(expected);
    }

    [Theory]
    [InlineData("10ns", 0)]
    [InlineData("150ns", 1)]
    [InlineData("199ns", 1)]
    [InlineData("200ns", 2)]
    public void Nanoseconds_below_a_tick_are_dropped(string text, long ticks)
    {
        GoDuration.TryParse(text, out var value, out _).Should().BeTrue();

        value.Ticks.Should().Be(ticks);
    }

    [Theory]
    [InlineData("", "invalid duration \"\"")]
    [InlineData("-", "invalid duration \"-\"")]
    [InlineData("s", "invalid duration \"s\"")]
    [InlineData(".s", "invalid duration \".s\"")]
    [InlineData("2", "missing unit in duration \"2\"")]
    [InlineData("1.5", "missing unit in duration \"1.5\"")]
    [InlineData("1s2", "missing unit in duration \"1s2\"")]
    [InlineData("2 s", "unknown unit \" s\" in duration \"2 s\"")]
    [InlineData("1x", "unknown unit \"x\" in duration \"1x\"")]
    [InlineData("2S", "unknown unit \"S\" in duration \"2S\"")]
    [InlineData("1d", "unknown unit \"d\" in duration \"1d\"")]
    [InlineData("9223372036854775808ns", "invalid duration \"9223372036854775808ns\"")]
    [InlineData("2562048h", "invalid duration \"2562048h\"")]
    [InlineData("2562047h48m", "invalid duration \"2562047h48m\"")]
    public void Bad_durations_are_rejected_with_the_value(string text, string error)
    {
        GoDuration.TryParse(text, out _, out var actual).Should().BeFalse();

        actual.Should().Be(error);
    }

    [Fact]
    public void The_most_negative_duration_is_allowed()
    {
        GoDuration.TryParse("-9223372036854775808ns", out var value, out _).Should().BeTrue();

        value.Ticks.Should().Be(-92233720368547758);
    }
}
