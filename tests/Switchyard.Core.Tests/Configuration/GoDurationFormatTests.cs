using Switchyard.Core.Configuration;

namespace Switchyard.Core.Tests.Configuration;

public sealed class GoDurationFormatTests
{
    [Theory]
    [InlineData("0s", "0s")]
    [InlineData("3s", "3s")]
    [InlineData("1500ms", "1.5s")]
    [InlineData("250ms", "250ms")]
    [InlineData("1.5ms", "1.5ms")]
    [InlineData("2500ns", "2.5µs")]
    [InlineData("300ns", "300ns")]
    [InlineData("90s", "1m30s")]
    [InlineData("2h", "2h0m0s")]
    [InlineData("1h0m0.5s", "1h0m0.5s")]
    [InlineData("-1.25s", "-1.25s")]
    public void Durations_are_written_as_go_writes_them(string text, string expected)
    {
        GoDuration.TryParse(text, out var duration, out _).Should().BeTrue();

        GoDurationFormat.Format(duration).Should().Be(expected);
    }
}
