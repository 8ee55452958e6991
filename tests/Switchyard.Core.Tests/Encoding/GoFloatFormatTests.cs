using Switchyard.Core.Encoding;

namespace Switchyard.Core.Tests.Encoding;

public sealed class GoFloatFormatTests
{
    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(-0.0, "-0")]
    [InlineData(1.5, "1.5")]
    [InlineData(-2.25, "-2.25")]
    [InlineData(100.0, "100")]
    [InlineData(0.1, "0.1")]
    [InlineData(123456.789, "123456.789")]
    [InlineData(1e20, "100000000000000000000")]
    [InlineData(1e21, "1e+21")]
    [InlineData(1.5e300, "1.5e+300")]
    [InlineData(1e-6, "0.000001")]
    [InlineData(1e-7, "1e-7")]
    [InlineData(-1.234e-10, "-1.234e-10")]
    [InlineData(double.NaN, "null")]
    [InlineData(double.PositiveInfinity, "null")]
    public void Doubles_are_formatted_like_go_json(double value, string expected)
    {
        GoFloatFormat.Format(value).Should().Be(expected);
    }

    [Fact]
    public void Singles_use_their_own_shortest_text()
    {
        GoFloatFormat.Format(0.1f).Should().Be("0.1");
    }
}
