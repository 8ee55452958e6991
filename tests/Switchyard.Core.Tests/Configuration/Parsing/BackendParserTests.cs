using Switchyard.Core.Configuration;
using static Switchyard.Core.Tests.Configuration.ConfigFixtures;

namespace Switchyard.Core.Tests.Configuration.Parsing;

public sealed class BackendParserTests
{
    [Fact]
    public void Every_backend_field_is_read()
    {
        var backend = LoadValid(ServiceWithBackend("""
            "host": ["http://a", "http://b"], "method": "POST", "encoding": "safejson", "group": "g", "target": "data.items",
            "allow": ["a", "b.c"], "deny": ["d"], "mapping": {"a": "alpha"}, "is_collection": true, "sd": "static",
            "sd_scheme": "http", "input_headers": ["X-Id"], "input_query_strings": ["q"],
            "extra_config": {
              "proxy": {"shadow": true, "shadow_timeout": "250ms", "flatmap_filter": [{"type": "move", "args": ["a", "b"]}]},
              "backend/http": {"return_error_details": "backend_a", "return_error_code": true}}
            """)).Endpoints[0].Backends[0];

        backend.Host.Should().Equal("http://a", "http://b");
        backend.Method.Should().Be("POST");
        backend.Encoding.Should().Be("safejson");
        backend.Group.Should().Be("g");
        backend.Target.Should().Be("data.items");
        backend.Allow.Should().Equal("a", "b.c");
        backend.Deny.Should().Equal("d");
        backend.Mapping.Should().BeEquivalentTo(new Dictionary<string, string> { ["a"] = "alpha" });
        backend.IsCollection.Should().BeTrue();
        backend.InputHeaders.Should().Equal("X-Id");
        backend.InputQueryStrings.Should().Equal("q");
        backend.Proxy.Shadow.Should().BeTrue();
        backend.Proxy.ShadowTimeout.Should().Be(TimeSpan.FromMilliseconds(250));
        backend.Proxy.FlatmapFilter.Should().BeEquivalentTo(new[] { new FlatmapOperation("move", ["a", "b"]) });
        backend.Http.Should().Be(new BackendHttpOptions { ReturnErrorDetails = "backend_a", ReturnErrorCode = true });
    }

    [Fact]
    public void Empty_group_and_target_mean_none()
    {
        var backend = LoadValid(ServiceWithBackend("\"group\": \"\", \"target\": \"\"")).Endpoints[0].Backends[0];

        backend.Group.Should().BeNull();
        backend.Target.Should().BeNull();
    }

    [Fact]
    public void Unknown_backend_http_and_proxy_keys_are_errors()
    {
        LoadErrors(ServiceWithBackend("""
            "extra_config": {"backend/http": {"return_error_msg": true}, "proxy": {"sequential": true}}
            """)).Should().Equal(
            "endpoints[0].backend[0].extra_config.proxy.sequential: unknown key 'sequential': refused, because it may configure a protection Switchyard does not enforce",
            "endpoints[0].backend[0].extra_config.backend/http.return_error_msg: unknown key 'return_error_msg': refused, because it may configure a protection Switchyard does not enforce");
    }
}
