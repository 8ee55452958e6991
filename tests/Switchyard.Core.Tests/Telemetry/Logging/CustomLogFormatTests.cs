using System.Text;
using Switchyard.Core.Telemetry.Logging;

namespace Switchyard.Core.Tests.Telemetry.Logging;

public sealed class CustomLogFormatTests
{
    [Theory]
    [InlineData("%{time} %{level} [%{module}] %{message}", "T1 INFO [Switchyard.Endpoints] hello")]
    [InlineData("%{message}", "hello")]
    [InlineData("plain text", "plain text")]
    [InlineData("%{message}%{message}!", "hellohello!")]
    public void Verbs_are_filled_and_text_is_kept(string pattern, string expected)
    {
        CustomLogFormat.TryParse(pattern, out var format, out _).Should().BeTrue();
        var line = new StringBuilder();

        format.Render(line, "T1", "INFO", "Switchyard.Endpoints", "hello");

        line.ToString().Should().Be(expected);
    }

    [Theory]
    [InlineData("%{time:15:04} %{message}", "verb %{time:15:04} is not served; use %{message}, %{level}, %{time}, %{module}")]
    [InlineData("%{shortfile}", "verb %{shortfile} is not served; use %{message}, %{level}, %{time}, %{module}")]
    [InlineData("a %{message", "'%{' at 2 is not closed")]
    public void Other_verbs_are_refused(string pattern, string error)
    {
        CustomLogFormat.TryParse(pattern, out _, out var message).Should().BeFalse();
        message.Should().Be(error);
    }
}
