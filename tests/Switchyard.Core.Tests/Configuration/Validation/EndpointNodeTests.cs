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

    [Fact]
    public void Agent_pipes_are_visited_after_the_endpoints_with_their_workflows()
    {
        var config = LoadValid("""
            {"version": 3, "host": ["http://b"],
             "endpoints": [{"endpoint": "/e", "backend": [{"url_pattern": "/x"}]}],
             "async_agent": [
               {"name": "a", "consumer": {"topic": "#"}, "extra_config": {"async/memory": {}}, "backend": [
                 {"url_pattern": "/w", "extra_config": {"workflow": {"endpoint": "/a1", "backend": [{"url_pattern": "/x"}]}}}]},
               {"name": "b", "consumer": {"topic": "#"}, "extra_config": {"async/memory": {}}, "backend": [{"url_pattern": "/x"}]}]}
            """);

        var nodes = EndpointNode.All(config).ToList();

        nodes.Select(n => n.Endpoint.Endpoint).Should().Equal("/e", "/__agent/a", "/a1", "/__agent/b");
        nodes.Select(n => n.IsAgentPipe).Should().Equal(false, true, false, true);
        nodes.Select(n => n.IsWorkflow).Should().Equal(false, false, true, false);
        nodes[2].Parent!.Endpoint.Should().BeSameAs(config.AsyncAgents[0].Pipe);
        nodes[1].TimeoutPath.Should().Be("async_agent[0].consumer.timeout");
        nodes[2].TimeoutPath.Should().Be("async_agent[0].backend[0].extra_config.workflow.timeout");
    }

    /// <summary>The endpoint and backend rules hold in an agent's pipe, with the agent's paths.</summary>
    [Theory]
    [InlineData("""{"consumer": {"topic": "#"}, "extra_config": {"async/memory": {}}}""", ".backend: at least one backend is required")]
    [InlineData("""{"consumer": {"topic": "#"}, "extra_config": {"async/memory": {}}, "backend": []}""", ".backend: at least one backend is required")]
    [InlineData("""{"consumer": {"topic": "#"}, "extra_config": {"async/memory": {}}, "backend": [{"method": "POST"}]}""", ".backend[0].url_pattern: required")]
    [InlineData("""{"consumer": {"topic": "#"}, "extra_config": {"async/memory": {}}, "backend": [{"url_pattern": "/x", "sd": "dns"}]}""", ".backend[0].sd: service discovery 'dns' is not supported (only static)")]
    [InlineData("""{"consumer": {"topic": "#"}, "extra_config": {"async/memory": {}}, "backend": [{"url_pattern": "/x", "host": ["http://a/b"]}]}""", ".backend[0].host[0]: invalid host 'http://a/b'")]
    [InlineData("""{"consumer": {"topic": "#"}, "extra_config": {"async/memory": {}}, "backend": [{"url_pattern": "/x", "extra_config": {"proxy": {"shadow": true, "shadow_timeout": "0s"}}}, {"url_pattern": "/y"}]}""", ".backend[0].extra_config.proxy.shadow_timeout: must be greater than zero")]
    [InlineData("""{"consumer": {"topic": "#"}, "extra_config": {"async/memory": {}, "proxy": {"flatmap_filter": [{"type": "pick", "args": []}]}}, "backend": [{"url_pattern": "/x"}]}""", ".extra_config.proxy.flatmap_filter[0].type: unknown operation 'pick' (want: move, del or append)")]
    [InlineData("""{"consumer": {"topic": "#"}, "extra_config": {"async/memory": {}, "security/policies": {"req": {"policies": ["true"], "error": {"status": 99}}}}, "backend": [{"url_pattern": "/x"}]}""", ".extra_config.security/policies.req.error.status: status must be between 100 and 599, got 99")]
    [InlineData("""{"consumer": {"topic": "#"}, "extra_config": {"async/memory": {}}, "backend": [{"url_pattern": "/x", "extra_config": {"security/policies": {"req": {"policies": [""]}}}}]}""", ".backend[0].extra_config.security/policies.req.policies[0]: a policy must be a non-empty expression")]
    public void Endpoint_and_backend_rules_apply_to_agent_pipes(string agent, string error)
    {
        LoadErrors(ServiceWithAgents(agent)).Should().Equal("async_agent[0]" + error);
    }

    [Fact]
    public void An_agent_backend_needs_a_host_when_the_service_has_none()
    {
        LoadErrors("""
            {"version": 3, "async_agent": [{"consumer": {"topic": "#"}, "extra_config": {"async/memory": {}}, "backend": [{"url_pattern": "/x"}]}]}
            """).Should().Equal("async_agent[0].backend[0].host: no host: set one here or in the root 'host'");
    }

    [Theory]
    [InlineData("""{"endpoint": "/w", "backend": []}""", ".backend: at least one backend is required")]
    [InlineData("""{"backend": [{"url_pattern": "/x"}]}""", ".endpoint: required: a name such as '/workflow/{param}'")]
    [InlineData("""{"endpoint": "/w", "timeout": "5s", "backend": [{"url_pattern": "/x"}]}""", ".timeout: a workflow's timeout (5s) must not exceed its parent's (2s)")]
    [InlineData("""{"endpoint": "/w", "backend": [{"url_pattern": "/x/{id}"}]}""", ".backend[0].url_pattern: undefined output param 'id'!")]
    public void Workflow_rules_apply_inside_agent_pipes(string workflow, string error)
    {
        LoadErrors(ServiceWithAgentBackends("""{"url_pattern": "/w", "extra_config": {"workflow": """ + workflow + "}}"))
            .Should().Equal("async_agent[0].backend[0].extra_config.workflow" + error);
    }

    [Fact]
    public void A_workflow_inside_an_agent_is_valid_at_any_depth()
    {
        var agent = LoadValid(ServiceWithAgentBackends("""
            {"url_pattern": "/w/{input_headers.X-Message-Id}", "extra_config": {"workflow": {"endpoint": "/__workflow/{input_headers.X-Message-Id}",
              "extra_config": {"proxy": {"sequential": true}},
              "backend": [{"url_pattern": "/a"}, {"url_pattern": "/b/{resp0_id}", "extra_config": {"workflow": {"endpoint": "/inner",
                "backend": [{"url_pattern": "/c"}]}}}]}}}
            """)).AsyncAgents[0];

        agent.Pipe.Backends[0].Workflow!.Backends[1].Workflow!.Backends[0].Host.Should().Equal("http://backend:8000");
    }
}
