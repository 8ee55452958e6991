using System.Text.Json;
using Switchyard.Core.Configuration;
using Switchyard.Core.Configuration.Namespaces;
using Switchyard.Core.Configuration.Parsing;
using static Switchyard.Core.Tests.Configuration.ConfigFixtures;

namespace Switchyard.Core.Tests.Configuration.Parsing;

public sealed class EndpointParserTests
{
    [Fact]
    public void Every_endpoint_field_is_read()
    {
        var endpoint = LoadValid(Service("""
            {"endpoint": "/users/{id}", "method": "PUT", "timeout": "3s", "cache_ttl": "30s", "concurrent_calls": 2,
             "output_encoding": "xml", "input_headers": ["Authorization"], "input_query_strings": ["page", "*"],
             "backend": [{"url_pattern": "/u/{id}"}],
             "extra_config": {"proxy": {"sequential": true, "sequential_propagated_params": ["resp0_id"],
                                        "flatmap_filter": [{"type": "del", "args": ["a"]}]}}}
            """)).Endpoints[0];

        endpoint.Endpoint.Should().Be("/users/{id}");
        endpoint.Method.Should().Be("PUT");
        endpoint.Timeout.Should().Be(TimeSpan.FromSeconds(3));
        endpoint.CacheTtl.Should().Be(TimeSpan.FromSeconds(30));
        endpoint.ConcurrentCalls.Should().Be(2);
        endpoint.OutputEncoding.Should().Be("xml");
        endpoint.InputHeaders.Should().Equal("Authorization");
        endpoint.InputQueryStrings.Should().Equal("page", "*");
        endpoint.Backends.Should().ContainSingle().Which.UrlPattern.Should().Be("/u/{id}");
        endpoint.Proxy.Sequential.Should().BeTrue();
        endpoint.Proxy.SequentialPropagatedParams.Should().Equal("resp0_id");
        endpoint.Proxy.FlatmapFilter.Should().BeEquivalentTo(new[] { new FlatmapOperation("del", ["a"]) });
    }

    [Fact]
    public void Nested_endpoints_are_read_with_their_own_path_and_caller_keys()
    {
        using var document = JsonDocument.Parse("""
            {"endpoint": "/__workflow/w", "ignore_errors": true, "bogus": 1,
             "backend": [{"url_pattern": "/x", "foo": 2}]}
            """);
        var problems = new ConfigProblems();
        const string path = "endpoints[0].backend[1].extra_config.workflow";

        var endpoint = EndpointParser.Parse(document.RootElement, path, problems, Placement.Workflow, ["ignore_errors"]);

        endpoint!.JsonPath.Should().Be(path);
        endpoint.Backends[0].JsonPath.Should().Be(path + ".backend[0]");
        problems.Errors.Should().BeEmpty();
        problems.Warnings.Select(w => w.ToString()).Should().Equal(
            path + ".backend[0].foo: unsupported key 'foo'",
            path + ".bogus: unsupported key 'bogus'");
    }

    [Fact]
    public void Endpoint_proxy_keys_that_are_not_served_are_errors()
    {
        LoadErrors(ServiceWithEndpoint("""
            "extra_config": {"proxy": {"combiner": "x", "sequential": false}}
            """)).Should().Equal("endpoints[0].extra_config.proxy.combiner: unknown key 'combiner': refused, because it may configure a protection Switchyard does not enforce");
    }

    [Fact]
    public void Backend_that_is_not_an_array_is_a_type_error_reported_once()
    {
        LoadErrors(Service("""{"endpoint": "/e", "backend": {"url_pattern": "/b"}}""")).Should().Equal(
            "endpoints[0].backend: expected an array of backends, got object");
    }
}
