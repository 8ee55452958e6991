using static Switchyard.Core.Tests.Configuration.ConfigFixtures;

namespace Switchyard.Core.Tests.Configuration.Validation;

public sealed class ListenIpValidatorTests
{
    [Theory]
    [InlineData("")]
    [InlineData("127.0.0.1")]
    [InlineData("0.0.0.0")]
    [InlineData("192.168.1.3")]
    [InlineData("::")]
    [InlineData("::1")]
    [InlineData("0:0:0:0:0:0:0:1")]
    [InlineData("FE80::1")]
    [InlineData("2001:db8::8a2e:370:7334")]
    [InlineData("::ffff:192.168.1.3")]
    public void Empty_or_an_ipv4_or_ipv6_address_is_valid(string listenIp)
    {
        LoadValid($$"""{"version": 3, "listen_ip": "{{listenIp}}"}""").ListenIp.Should().Be(listenIp);
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("gateway.internal")]
    [InlineData("beef")]
    [InlineData("127.0.0.1:8080")]
    [InlineData("[::1]")]
    [InlineData("[::1]:8080")]
    [InlineData("fe80::1%eth0")]
    [InlineData("http://127.0.0.1")]
    [InlineData("10.0.0.0/8")]
    [InlineData(" 127.0.0.1")]
    [InlineData("127.1")]
    [InlineData("0x7f.0.0.1")]
    [InlineData("010.0.0.1")]
    [InlineData("256.0.0.1")]
    [InlineData("1.2.3")]
    [InlineData("1::2::3")]
    [InlineData("::g")]
    public void Anything_else_is_an_error_naming_the_value(string listenIp)
    {
        LoadErrors($$"""{"version": 3, "listen_ip": "{{listenIp}}"}""").Should().Equal(
            $"listen_ip: listen_ip must be an IPv4 or IPv6 address, got \"{listenIp}\"");
    }
}
