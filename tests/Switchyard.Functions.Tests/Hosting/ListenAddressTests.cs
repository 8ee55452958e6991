using Switchyard.Core.Configuration;
using Switchyard.Functions.Hosting;

namespace Switchyard.Functions.Tests.Hosting;

public sealed class ListenAddressTests
{
    private static ServiceConfig Config(string listenIp = "") => new() { Port = 8080, ListenIp = listenIp };

    [Theory]
    [InlineData("")]
    [InlineData("192.168.1.3")]
    [InlineData("::1")]
    public void Under_the_functions_host_the_handler_listens_on_loopback_at_the_hosts_port(string listenIp)
    {
        ListenAddress.Choose(Config(listenIp), port: null, functionsPort: "7071").Should().Be("http://127.0.0.1:7071");
    }

    [Theory]
    [InlineData("", "http://*:8080")]
    [InlineData("192.168.1.3", "http://192.168.1.3:8080")]
    [InlineData("::1", "http://[::1]:8080")]
    [InlineData("2001:db8::1", "http://[2001:db8::1]:8080")]
    public void Otherwise_the_configurations_port_on_listen_ip_or_every_interface(string listenIp, string expected)
    {
        ListenAddress.Choose(Config(listenIp), port: null, functionsPort: null).Should().Be(expected);
    }

    [Theory]
    [InlineData("", "http://*:9000")]
    [InlineData("192.168.1.3", "http://192.168.1.3:9000")]
    [InlineData("::1", "http://[::1]:9000")]
    public void An_explicit_port_replaces_only_the_port(string listenIp, string expected)
    {
        ListenAddress.Choose(Config(listenIp), port: 9000, functionsPort: null).Should().Be(expected);
    }

    [Fact]
    public void An_explicit_port_wins_over_the_functions_hosts_port()
    {
        ListenAddress.Choose(Config("192.168.1.3"), port: 9000, functionsPort: "7071").Should().Be("http://192.168.1.3:9000");
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-port")]
    public void A_functions_port_that_is_not_a_number_is_ignored(string functionsPort)
    {
        ListenAddress.Choose(Config("192.168.1.3"), port: null, functionsPort).Should().Be("http://192.168.1.3:8080");
    }

    [Fact]
    public void Port_zero_is_kept_so_the_system_picks_a_free_one()
    {
        ListenAddress.Choose(Config("127.0.0.1"), port: 0, functionsPort: null).Should().Be("http://127.0.0.1:0");
    }

    [Theory]
    [InlineData("", null, "https://*:8080")]
    [InlineData("::1", 8443, "https://[::1]:8443")]
    public void An_active_tls_listens_on_https_only(string listenIp, int? port, string expected)
    {
        ListenAddress.Choose(Config(listenIp) with { Tls = new ServerTlsOptions() }, port, functionsPort: null).Should().Be(expected);
    }

    [Fact]
    public void Disabled_tls_listens_on_plain_http()
    {
        ListenAddress.Choose(Config() with { Tls = new ServerTlsOptions { Disabled = true } }, port: null, functionsPort: null).Should().Be("http://*:8080");
    }

    [Fact]
    public void Under_the_functions_host_tls_is_the_platforms_and_the_handler_listens_on_plain_http()
    {
        ListenAddress.Choose(Config() with { Tls = new ServerTlsOptions() }, port: null, functionsPort: "7071").Should().Be("http://127.0.0.1:7071");
    }
}
