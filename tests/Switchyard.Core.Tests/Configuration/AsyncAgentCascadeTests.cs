using Switchyard.Core.Configuration;
using static Switchyard.Core.Tests.Configuration.ConfigFixtures;

namespace Switchyard.Core.Tests.Configuration;

/// <summary>What an agent's pipe takes from the service, as lura's agent initialisation gives it.</summary>
public sealed class AsyncAgentCascadeTests
{
    [Fact]
    public void The_consumer_timeout_defaults_to_the_service_timeout()
    {
        var agent = LoadValid("""
            {"version": 3, "host": ["http://b"], "timeout": "7s", "async_agent": [
              {"consumer": {"topic": "#"}, "backend": [{"url_pattern": "/x"}], "extra_config": {"async/memory": {}}}]}
            """).AsyncAgents[0];

        agent.Consumer.Timeout.Should().Be(TimeSpan.FromSeconds(7));
        agent.Pipe.Timeout.Should().Be(TimeSpan.FromSeconds(7));
        agent.Pipe.Backends[0].Timeout.Should().Be(TimeSpan.FromSeconds(7));
    }

    [Fact]
    public void Without_a_service_timeout_the_consumer_timeout_is_two_seconds()
    {
        LoadValid(ServiceWithAgents(MemoryAgent())).AsyncAgents[0].Consumer.Timeout.Should().Be(TimeSpan.FromSeconds(2));
    }

    [Fact]
    public void The_consumer_timeout_is_the_pipe_and_backend_timeout()
    {
        var agent = LoadValid("""
            {"version": 3, "host": ["http://b"], "timeout": "7s", "async_agent": [
              {"consumer": {"topic": "#", "timeout": "150ms"}, "backend": [{"url_pattern": "/x"}], "extra_config": {"async/memory": {}}}]}
            """).AsyncAgents[0];

        agent.Consumer.Timeout.Should().Be(TimeSpan.FromMilliseconds(150));
        agent.Pipe.Timeout.Should().Be(TimeSpan.FromMilliseconds(150));
        agent.Pipe.Backends[0].Timeout.Should().Be(TimeSpan.FromMilliseconds(150));
    }

    [Fact]
    public void Backends_call_with_get_unless_they_name_a_method()
    {
        var pipe = LoadValid(ServiceWithAgentBackends(
            """{"url_pattern": "/x"}""",
            """{"url_pattern": "/y", "method": "post"}""")).AsyncAgents[0].Pipe;

        pipe.Method.Should().Be("GET");
        pipe.Backends.Select(b => b.Method).Should().Equal("GET", "POST");
    }

    [Fact]
    public void Backends_take_the_service_hosts_or_clean_their_own()
    {
        var pipe = LoadValid(ServiceWithAgentBackends(
            """{"url_pattern": "x"}""",
            """{"url_pattern": "/y", "host": ["other:9000/"]}""")).AsyncAgents[0].Pipe;

        pipe.Backends[0].Host.Should().Equal("http://backend:8000");
        pipe.Backends[0].UrlPattern.Should().Be("/x");
        pipe.Backends[1].Host.Should().Equal("http://other:9000");
    }

    [Fact]
    public void The_service_output_encoding_and_cache_ttl_do_not_reach_an_agent()
    {
        var agent = LoadValid("""
            {"version": 3, "host": ["http://b"], "output_encoding": "no-op", "cache_ttl": "1m",
             "async_agent": [{"consumer": {"topic": "#"}, "backend": [{"url_pattern": "/x", "encoding": "xml"}, {"url_pattern": "/y"}],
                              "extra_config": {"async/memory": {}}}]}
            """).AsyncAgents[0];

        agent.Pipe.OutputEncoding.Should().Be("json");
        agent.Pipe.CacheTtl.Should().Be(TimeSpan.Zero);
        agent.Pipe.Backends.Select(b => b.Encoding).Should().Equal("xml", "json");
    }

    [Fact]
    public void A_workflow_inside_an_agent_takes_the_opening_backend_method_hosts_and_the_consumer_timeout()
    {
        var agent = LoadValid(ServiceWithAgents("""
            {"consumer": {"topic": "#", "timeout": "3s"}, "extra_config": {"async/memory": {}}, "backend": [
              {"url_pattern": "/w", "method": "POST", "host": ["http://wf"], "extra_config": {"workflow": {"endpoint": "/__workflow/w",
                "backend": [{"url_pattern": "/step"}]}}}]}
            """)).AsyncAgents[0];

        var workflow = agent.Pipe.Backends[0].Workflow!;
        workflow.Method.Should().Be("POST");
        workflow.Timeout.Should().Be(TimeSpan.FromSeconds(3));
        workflow.Backends[0].Method.Should().Be("POST");
        workflow.Backends[0].Host.Should().Equal("http://wf");
        workflow.Backends[0].JsonPath.Should().Be("async_agent[0].backend[0].extra_config.workflow.backend[0]");
    }
}
