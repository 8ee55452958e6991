using Switchyard.Core.Configuration;
using static Switchyard.Core.Tests.Configuration.ConfigFixtures;

namespace Switchyard.Core.Tests.Configuration;

/// <summary>lura's <c>Init</c>: values flow service → endpoint → backend and are normalised.</summary>
public sealed class ConfigCascadeTests
{
    [Fact]
    public void Root_host_goes_to_backends_without_hosts_only()
    {
        var config = LoadValid("""
            {"version": 3, "host": ["root:8000"], "endpoints": [{"endpoint": "/e", "backend": [
              {"url_pattern": "/a"},
              {"url_pattern": "/b", "host": ["own"]}]}]}
            """);

        config.Host.Should().Equal("http://root:8000");
        config.Endpoints[0].Backends[0].Host.Should().Equal("http://root:8000");
        config.Endpoints[0].Backends[1].Host.Should().Equal("http://own");
    }

    [Fact]
    public void Root_timeout_cache_ttl_and_output_encoding_go_to_endpoints_without_them()
    {
        var config = LoadValid($$"""
            {"version": 3, "host": ["http://b"], "timeout": "5s", "cache_ttl": "1m", "output_encoding": "xml",
             "endpoints": [
               {"endpoint": "/inherits", "backend": [{"url_pattern": "/b"}]},
               {"endpoint": "/own", "timeout": "1s", "cache_ttl": "10s", "output_encoding": "string",
                "backend": [{"url_pattern": "/b"}]}]}
            """);

        var inherits = config.Endpoints[0];
        inherits.Timeout.Should().Be(TimeSpan.FromSeconds(5));
        inherits.CacheTtl.Should().Be(TimeSpan.FromMinutes(1));
        inherits.OutputEncoding.Should().Be("xml");

        var own = config.Endpoints[1];
        own.Timeout.Should().Be(TimeSpan.FromSeconds(1));
        own.CacheTtl.Should().Be(TimeSpan.FromSeconds(10));
        own.OutputEncoding.Should().Be("string");
    }

    [Fact]
    public void A_zero_endpoint_timeout_inherits_the_root_timeout()
    {
        var config = LoadValid("""
            {"version": 3, "host": ["http://b"], "timeout": "4s",
             "endpoints": [{"endpoint": "/e", "timeout": "0s", "backend": [{"url_pattern": "/b"}]}]}
            """);

        config.Endpoints[0].Timeout.Should().Be(TimeSpan.FromSeconds(4));
    }

    [Fact]
    public void Endpoint_method_goes_upper_cased_to_backends_without_one()
    {
        var config = LoadValid(Service("""
            {"endpoint": "/e", "method": "post", "backend": [
              {"url_pattern": "/a"},
              {"url_pattern": "/b", "method": "put"}]}
            """));

        var endpoint = config.Endpoints[0];
        endpoint.Method.Should().Be("POST");
        endpoint.Backends[0].Method.Should().Be("POST");
        endpoint.Backends[1].Method.Should().Be("PUT");
    }

    [Fact]
    public void Endpoint_timeout_and_concurrent_calls_go_to_every_backend()
    {
        var config = LoadValid(Service("""
            {"endpoint": "/e", "timeout": "800ms", "concurrent_calls": 3,
             "backend": [{"url_pattern": "/a"}, {"url_pattern": "/b"}]}
            """));

        config.Endpoints[0].Backends.Should().AllSatisfy(backend =>
        {
            backend.Timeout.Should().Be(TimeSpan.FromMilliseconds(800));
            backend.ConcurrentCalls.Should().Be(3);
        });
    }

    [Fact]
    public void No_op_output_encoding_forces_no_op_backend_encoding()
    {
        var config = LoadValid(Service("""
            {"endpoint": "/e", "output_encoding": "no-op", "backend": [{"url_pattern": "/b", "encoding": "xml"}]}
            """));

        config.Endpoints[0].Backends[0].Encoding.Should().Be("no-op");
    }

    [Fact]
    public void Root_no_op_output_encoding_reaches_backends_through_the_endpoint()
    {
        var config = LoadValid("""
            {"version": 3, "host": ["http://b"], "output_encoding": "no-op",
             "endpoints": [{"endpoint": "/e", "backend": [{"url_pattern": "/b"}]}]}
            """);

        config.Endpoints[0].Backends[0].Encoding.Should().Be("no-op");
    }

    [Theory]
    [InlineData("XML", "xml")]
    [InlineData("SafeJSON", "safejson")]
    [InlineData("string", "string")]
    [InlineData("rss", "rss")]
    [InlineData("No-Op", "no-op")]
    public void Backend_encoding_is_lower_cased(string written, string expected)
    {
        var config = LoadValid(ServiceWithBackend($"\"encoding\": \"{written}\""));

        config.Endpoints[0].Backends[0].Encoding.Should().Be(expected);
    }

    [Fact]
    public void Unknown_backend_encoding_warns_and_becomes_json()
    {
        var result = ConfigLoader.Parse(ServiceWithBackend("\"encoding\": \"protobuf\""));

        result.Config!.Endpoints[0].Backends[0].Encoding.Should().Be("json");
        result.Warnings.Select(w => w.ToString()).Should().Equal(
            "endpoints[0].backend[0].encoding: unknown encoding 'protobuf' (json is used)");
    }

    [Fact]
    public void Backend_hosts_are_cleaned()
    {
        var config = LoadValid(ServiceWithBackend("""
            "host": ["supu", "https://supu.local/", "supu_42.local:8080/"]
            """));

        config.Endpoints[0].Backends[0].Host.Should().Equal("http://supu", "https://supu.local", "http://supu_42.local:8080");
    }

    [Fact]
    public void Disable_host_sanitize_keeps_hosts_as_written()
    {
        var config = LoadValid(ServiceWithBackend("""
            "host": ["http://supu.local/api/"], "disable_host_sanitize": true
            """));

        config.Endpoints[0].Backends[0].Host.Should().Equal("http://supu.local/api/");
    }

    [Fact]
    public void A_backend_host_with_a_path_is_an_invalid_host()
    {
        LoadErrors(ServiceWithBackend("\"host\": [\"http://ok\", \"http://supu/api\"]")).Should().Equal(
            "endpoints[0].backend[0].host[1]: invalid host 'http://supu/api'");
    }

    [Fact]
    public void A_root_host_with_a_path_is_an_invalid_host()
    {
        LoadErrors("""{"version": 3, "host": ["http://ok", "supu/api"]}""").Should().Equal(
            "host[1]: invalid host 'supu/api'");
    }

    [Fact]
    public void A_leading_slash_is_added_to_url_patterns()
    {
        var config = LoadValid(Service("""
            {"endpoint": "/e", "backend": [{"url_pattern": "users/1?x=1"}, {"url_pattern": "/already"}]}
            """));

        config.Endpoints[0].Backends.Select(b => b.UrlPattern).Should().Equal("/users/1?x=1", "/already");
    }

    [Fact]
    public void Input_header_names_are_canonicalised()
    {
        var config = LoadValid(Service("""
            {"endpoint": "/e", "input_headers": ["x-api-key", "*"],
             "backend": [{"url_pattern": "/b", "input_headers": ["CONTENT-TYPE"]}]}
            """));

        config.Endpoints[0].InputHeaders.Should().Equal("X-Api-Key", "*");
        config.Endpoints[0].Backends[0].InputHeaders.Should().Equal("Content-Type");
    }

    [Fact]
    public void Json_paths_are_set_on_every_endpoint_and_backend()
    {
        var config = LoadValid(Service(
            """{"endpoint": "/a", "backend": [{"url_pattern": "/1"}]}""",
            """{"endpoint": "/b", "backend": [{"url_pattern": "/1"}, {"url_pattern": "/2"}]}"""));

        config.Endpoints.Select(e => e.JsonPath).Should().Equal("endpoints[0]", "endpoints[1]");
        config.Endpoints[1].Backends.Select(b => b.JsonPath).Should().Equal("endpoints[1].backend[0]", "endpoints[1].backend[1]");
    }
}
