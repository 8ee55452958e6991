using Switchyard.Core.Configuration;
using static Switchyard.Core.Tests.Configuration.ConfigFixtures;

namespace Switchyard.Core.Tests.Configuration;

/// <summary>The defaults of reference sections 0 and 1, for fields a file leaves out.</summary>
public sealed class ConfigDefaultsTests
{
    private static readonly ServiceConfig Minimal = LoadValid("""
        {"version": 3, "endpoints": [{"endpoint": "/e", "backend": [{"host": ["http://b"], "url_pattern": "/b"}]}]}
        """);

    [Fact]
    public void Root_defaults_apply_when_left_out()
    {
        Minimal.Version.Should().Be(3);
        Minimal.Port.Should().Be(8080);
        Minimal.Timeout.Should().Be(TimeSpan.FromSeconds(2));
        Minimal.CacheTtl.Should().Be(TimeSpan.Zero);
        Minimal.OutputEncoding.Should().Be("json");
        Minimal.Host.Should().BeEmpty();
        Minimal.DebugEndpoint.Should().BeFalse();
        Minimal.EchoEndpoint.Should().BeFalse();
        Minimal.ExtraConfig.Should().BeEmpty();
    }

    [Fact]
    public void Router_defaults_apply_when_left_out()
    {
        Minimal.Router.Should().Be(new RouterOptions
        {
            ReturnErrorMessage = false,
            DisableHealth = false,
            HealthPath = "/__health",
            DisablePathDecoding = false,
        });
    }

    [Fact]
    public void Endpoint_defaults_apply_when_left_out()
    {
        var endpoint = Minimal.Endpoints.Should().ContainSingle().Subject;

        endpoint.Method.Should().Be("GET");
        endpoint.Timeout.Should().Be(TimeSpan.FromSeconds(2));
        endpoint.CacheTtl.Should().Be(TimeSpan.Zero);
        endpoint.ConcurrentCalls.Should().Be(1);
        endpoint.OutputEncoding.Should().Be("json");
        endpoint.InputHeaders.Should().BeEmpty();
        endpoint.InputQueryStrings.Should().BeEmpty();
        endpoint.Proxy.Should().BeEquivalentTo(new EndpointProxyOptions());
        endpoint.Proxy.Static.Should().BeNull();
    }

    [Fact]
    public void Backend_defaults_apply_when_left_out()
    {
        var backend = Minimal.Endpoints[0].Backends.Should().ContainSingle().Subject;

        backend.Method.Should().Be("GET");
        backend.Encoding.Should().Be("json");
        backend.Group.Should().BeNull();
        backend.Target.Should().BeNull();
        backend.Allow.Should().BeEmpty();
        backend.Deny.Should().BeEmpty();
        backend.Mapping.Should().BeEmpty();
        backend.IsCollection.Should().BeFalse();
        backend.Sd.Should().Be("static");
        backend.DisableHostSanitize.Should().BeFalse();
        backend.InputHeaders.Should().BeEmpty();
        backend.InputQueryStrings.Should().BeEmpty();
        backend.Timeout.Should().Be(TimeSpan.FromSeconds(2));
        backend.ConcurrentCalls.Should().Be(1);
        backend.Proxy.Should().BeEquivalentTo(new BackendProxyOptions());
        backend.Proxy.ShadowTimeout.Should().BeNull();
        backend.Http.Should().Be(new BackendHttpOptions { ReturnErrorDetails = null, ReturnErrorCode = false });
    }

    [Fact]
    public void Port_zero_means_the_default_port()
    {
        LoadValid("""{"version": 3, "port": 0}""").Port.Should().Be(8080);
    }

    [Fact]
    public void A_zero_root_timeout_means_the_default_timeout()
    {
        LoadValid("""{"version": 3, "timeout": "0s"}""").Timeout.Should().Be(TimeSpan.FromSeconds(2));
    }

    [Fact]
    public void Root_values_written_in_the_file_are_kept()
    {
        var config = LoadValid("""
            {"version": 3, "port": 9000, "timeout": "3s", "cache_ttl": "5m", "output_encoding": "negotiate",
             "debug_endpoint": true, "echo_endpoint": true, "name": "gateway"}
            """);

        config.Port.Should().Be(9000);
        config.Timeout.Should().Be(TimeSpan.FromSeconds(3));
        config.CacheTtl.Should().Be(TimeSpan.FromMinutes(5));
        config.OutputEncoding.Should().Be("negotiate");
        config.DebugEndpoint.Should().BeTrue();
        config.EchoEndpoint.Should().BeTrue();
    }
}
