using static Switchyard.Core.Tests.Configuration.ConfigFixtures;

namespace Switchyard.Core.Tests.Configuration.Validation;

public sealed class PortValidatorTests
{
    [Theory]
    [InlineData(-1)]
    [InlineData(65536)]
    public void Ports_outside_the_tcp_range_are_errors(int port)
    {
        LoadErrors($"{{\"version\": 3, \"port\": {port}}}").Should().Equal(
            $"port: port must be between 0 and 65535, got {port}");
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(65535, 65535)]
    public void Ports_inside_the_tcp_range_are_kept(int port, int expected)
    {
        LoadValid($"{{\"version\": 3, \"port\": {port}}}").Port.Should().Be(expected);
    }
}
