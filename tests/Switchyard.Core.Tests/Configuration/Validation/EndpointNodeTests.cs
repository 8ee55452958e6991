using Switchyard.Core.Configuration.Validation;
using static Switchyard.Core.Tests.Configuration.ConfigFixtures;

namespace Switchyard.Core.Tests.Configuration.Validation;

public sealed class EndpointNodeTests
{
    [Fact]
    public void Every_endpoint_and_workflow_is_visited_depth_first_in_file_order()
    {
        var config = LoadValid(Service(
            """
            {"endpoint": "/a", "backend": [
              {"url_pattern": "/w", "extra_config": {"workflow": {"endpoint": "/a1", "backend": [
                {"url_pattern": "/w", "extra_config": {"workflow": {"endpoint": "/a1x", "backend": [{"url_pattern": "/x"}]}}}]}}},
              {"url_pattern": "/plain"},
              {"url_pattern": "/w", "extra_config": {"workflow": {"endpoint": "/a2", "backend": [{"url_pattern": "/x"}]}}}]}
            """,
            """{"endpoint": "/b", "backend": [{"url_pattern": "/x"}]}"""));

        var nodes = EndpointNode.All(config).ToList();

        nodes.Select(n => n.Endpoint.Endpoint).Should().Equal("/a", "/a1", "/a1x", "/a2", "/b");
        nodes.Select(n => n.IsWorkflow).Should().Equal(false, true, true, true, false);
        nodes[2].Parent!.Endpoint.Should().BeSameAs(nodes[1].Endpoint);
        nodes[2].Owner.Should().BeSameAs(nodes[1].Endpoint.Backends[0]);
        nodes[3].Owner.Should().BeSameAs(nodes[0].Endpoint.Backends[2]);
    }

    /// <summary>The endpoint and backend rules hold inside workflows, with the workflow's own paths.</summary>
    [Theory]
    [InlineData("""{"endpoint": "/w", "backend": []}""", ".backend: at least one backend is required")]
    [InlineData("""{"endpoint": "/w"}""", ".backend: at least one backend is required")]
    [InlineData("""{"endpoint": "/w", "backend": [{"host": ["http://h"]}]}""", ".backend[0].url_pattern: required")]
    [InlineData("""{"endpoint": "/w", "concurrent_calls": 6, "backend": [{"url_pattern": "/x"}]}""", ".concurrent_calls: concurrent_calls must be between 1 and 5, got 6")]
    [InlineData("""{"endpoint": "/w", "output_encoding": "no-op", "backend": [{"url_pattern": "/x"}, {"url_pattern": "/y"}]}""", ".output_encoding: can not use NoOp encoding with more than one backends connected to the same endpoint")]
    [InlineData("""{"endpoint": "/w", "backend": [{"url_pattern": "/x", "sd": "dns"}]}""", ".backend[0].sd: service discovery 'dns' is not supported (only static)")]
    [InlineData("""{"endpoint": "/w", "backend": [{"url_pattern": "/x", "host": ["http://a/b"]}]}""", ".backend[0].host[0]: invalid host 'http://a/b'")]
    [InlineData("""{"endpoint": "/w", "timeout": "-1s", "backend": [{"url_pattern": "/x"}]}""", ".timeout: must be greater than zero")]
    [InlineData("""{"endpoint": "/w", "backend": [{"url_pattern": "/x"}], "extra_config": {"proxy": {"flatmap_filter": [{"type": "pick", "args": []}]}}}""", ".extra_config.proxy.flatmap_filter[0].type: unknown operation 'pick' (want: move, del or append)")]
    [InlineData("""{"endpoint": "/w", "backend": [{"url_pattern": "/x", "extra_config": {"proxy": {"flatmap_filter": [{"type": "del", "args": []}]}}}]}""", ".backend[0].extra_config.proxy.flatmap_filter[0].args: 'del' needs at least 1 args, got 0")]
    public void Endpoint_and_backend_rules_apply_inside_workflows(string workflow, string error)
    {
        LoadErrors(ServiceWithWorkflow(workflow)).Should().Equal(WorkflowPath + error);
    }
}
