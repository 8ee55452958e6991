using Switchyard.Core.Configuration;
using static Switchyard.Core.Tests.Configuration.ConfigFixtures;

namespace Switchyard.Core.Tests.Configuration;

/// <summary>What a workflow takes from the backend that opens it and from the endpoint above.</summary>
public sealed class WorkflowCascadeTests
{
    private static EndpointConfig Level2(ServiceConfig config) => config.Endpoints[0].Backends[0].Workflow!;

    private static EndpointConfig Level3(ServiceConfig config) => Level2(config).Backends[0].Workflow!;

    [Fact]
    public void Timeout_defaults_to_the_parent_at_every_depth()
    {
        var config = LoadValid("""
            {"version": 3, "host": ["http://b"], "timeout": "10s", "endpoints": [{"endpoint": "/e", "timeout": "5s", "backend": [
              {"url_pattern": "/w", "extra_config": {"workflow": {"endpoint": "/w2", "timeout": "3s", "backend": [
                {"url_pattern": "/w", "extra_config": {"workflow": {"endpoint": "/w3", "backend": [{"url_pattern": "/x"}]}}}]}}}]}]}
            """);

        config.Endpoints[0].Backends[0].Timeout.Should().Be(TimeSpan.FromSeconds(5));
        Level2(config).Timeout.Should().Be(TimeSpan.FromSeconds(3));
        Level2(config).Backends[0].Timeout.Should().Be(TimeSpan.FromSeconds(3));
        Level3(config).Timeout.Should().Be(TimeSpan.FromSeconds(3));
        Level3(config).Backends[0].Timeout.Should().Be(TimeSpan.FromSeconds(3));
    }

    [Fact]
    public void Concurrent_calls_cache_ttl_and_output_encoding_are_not_inherited()
    {
        var config = LoadValid("""
            {"version": 3, "host": ["http://b"], "cache_ttl": "1m", "output_encoding": "xml", "endpoints": [
              {"endpoint": "/e", "concurrent_calls": 3, "backend": [
                {"url_pattern": "/w", "extra_config": {"workflow": {"endpoint": "/w2", "backend": [{"url_pattern": "/x"}]}}}]}]}
            """);

        var workflow = Level2(config);
        workflow.ConcurrentCalls.Should().Be(1);
        workflow.Backends[0].ConcurrentCalls.Should().Be(1);
        workflow.OutputEncoding.Should().Be("json");
        workflow.CacheTtl.Should().Be(TimeSpan.Zero);
    }

    [Fact]
    public void A_workflow_keeps_its_own_concurrent_calls_and_output_encoding()
    {
        var workflow = Level2(LoadValid(ServiceWithBackend("""
            "extra_config": {"workflow": {"endpoint": "/w", "concurrent_calls": 2, "output_encoding": "string",
              "backend": [{"url_pattern": "/x"}]}}
            """)));

        workflow.ConcurrentCalls.Should().Be(2);
        workflow.OutputEncoding.Should().Be("string");
        workflow.Backends[0].ConcurrentCalls.Should().Be(2);
        workflow.Backends[0].Encoding.Should().Be("json");
    }

    [Fact]
    public void The_opening_backends_method_goes_to_the_workflow_and_its_backends_without_one()
    {
        var config = LoadValid(Service("""
            {"endpoint": "/e", "method": "POST", "backend": [
              {"url_pattern": "/w", "method": "put", "extra_config": {"workflow": {"endpoint": "/w2", "backend": [
                {"url_pattern": "/w", "extra_config": {"workflow": {"endpoint": "/w3", "backend": [
                  {"url_pattern": "/x"}, {"url_pattern": "/y", "method": "delete"}]}}}]}}}]}
            """));

        Level2(config).Method.Should().Be("PUT");
        Level2(config).Backends[0].Method.Should().Be("PUT");
        Level3(config).Method.Should().Be("PUT");
        Level3(config).Backends.Select(b => b.Method).Should().Equal("PUT", "DELETE");
    }

    [Fact]
    public void A_backend_without_host_takes_the_opening_backends_hosts_else_the_roots()
    {
        var config = LoadValid("""
            {"version": 3, "host": ["root:8000"], "endpoints": [{"endpoint": "/e", "backend": [
              {"url_pattern": "/w", "extra_config": {"workflow": {"endpoint": "/w2", "backend": [
                {"url_pattern": "/root"},
                {"url_pattern": "/own", "host": ["own"]},
                {"url_pattern": "/w", "host": ["middle/"], "extra_config": {"workflow": {"endpoint": "/w3", "backend": [
                  {"url_pattern": "/middle"}, {"url_pattern": "/inner", "host": ["https://inner"]}]}}}]}}}]}]}
            """);

        var level2 = Level2(config);
        level2.Backends.Select(b => b.Host.Single()).Should().Equal("http://root:8000", "http://own", "http://middle");
        level2.Backends[2].Workflow!.Backends.Select(b => b.Host.Single()).Should().Equal("http://middle", "https://inner");
    }

    [Fact]
    public void Input_headers_and_query_strings_are_the_published_endpoints_at_every_depth()
    {
        var config = LoadValid(Service("""
            {"endpoint": "/e", "input_headers": ["x-tenant"], "input_query_strings": ["page"], "backend": [
              {"url_pattern": "/w", "extra_config": {"workflow": {"endpoint": "/w2", "backend": [
                {"url_pattern": "/w", "extra_config": {"workflow": {"endpoint": "/w3", "backend": [{"url_pattern": "/x"}]}}}]}}}]}
            """));

        foreach (var workflow in new[] { Level2(config), Level3(config) })
        {
            workflow.InputHeaders.Should().Equal("X-Tenant");
            workflow.InputQueryStrings.Should().Equal("page");
        }
    }

    [Fact]
    public void Nested_records_carry_their_json_paths()
    {
        var config = LoadValid(ServiceWithBackend("""
            "extra_config": {"workflow": {"endpoint": "/w", "backend": [{"url_pattern": "x"}]}}
            """));

        var workflow = Level2(config);
        workflow.JsonPath.Should().Be("endpoints[0].backend[0].extra_config.workflow");
        workflow.Backends[0].JsonPath.Should().Be("endpoints[0].backend[0].extra_config.workflow.backend[0]");
        workflow.Backends[0].UrlPattern.Should().Be("/x");
    }
}
