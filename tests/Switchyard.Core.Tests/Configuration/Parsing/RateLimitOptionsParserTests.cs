using Switchyard.Core.Resilience.RateLimit;
using static Switchyard.Core.Tests.Configuration.ConfigFixtures;

namespace Switchyard.Core.Tests.Configuration.Parsing;

public sealed class RateLimitOptionsParserTests
{
    [Fact]
    public void The_router_limit_is_read_with_every_field()
    {
        var config = LoadValid(ServiceWithEndpoint("""
            "extra_config": {"qos/ratelimit/router": {"max_rate": 50, "capacity": 40, "client_max_rate": 5.5, "client_capacity": 4,
              "every": "10m", "strategy": "Header", "key": "X-Key", "num_shards": 16, "cleanup_period": "30s", "cleanup_threads": 2}}
            """));

        config.Endpoints[0].RateLimit.Should().BeEquivalentTo(new RouterRateLimitOptions
        {
            MaxRate = 50,
            Capacity = 40,
            ClientMaxRate = 5.5,
            ClientCapacity = 4,
            Every = TimeSpan.FromMinutes(10),
            Strategy = "Header",
            Key = "X-Key",
            NumShards = 16,
            CleanupPeriod = TimeSpan.FromSeconds(30),
            CleanupThreads = 2,
        });
        config.Endpoints[0].RateLimit!.ClientStrategy.Should().Be(ClientKeyStrategy.Header);
    }

    [Theory]
    [InlineData(""" "max_rate": 10 """, 10)]
    [InlineData(""" "max_rate": 2.9 """, 2)]
    [InlineData(""" "max_rate": 0.5 """, 1)]
    [InlineData(""" "max_rate": 50, "every": "10m" """, 1)]
    [InlineData(""" "max_rate": 120, "every": "1m" """, 2)]
    [InlineData(""" "max_rate": 10, "capacity": 3 """, 3)]
    public void The_global_capacity_defaults_to_the_truncated_rate_per_second(string fields, long burst) =>
        LoadValid(ServiceWithEndpoint($$$""" "extra_config": {"qos/ratelimit/router": { {{{fields}}} }} """))
            .Endpoints[0].RateLimit!.Burst.Should().Be(burst);

    [Theory]
    [InlineData(""" "client_max_rate": 10 """, 1)]
    [InlineData(""" "max_rate": 0.5, "client_max_rate": 10 """, 1)]
    [InlineData(""" "max_rate": 1, "client_max_rate": 10 """, 10)]
    [InlineData(""" "max_rate": 100, "client_max_rate": 0.5 """, 1)]
    [InlineData(""" "client_max_rate": 10, "client_capacity": 7 """, 7)]
    public void The_client_capacity_defaults_as_krakend_computes_it_from_the_global_rate(string fields, long burst) =>
        LoadValid(ServiceWithEndpoint($$$""" "extra_config": {"qos/ratelimit/router": { {{{fields}}}, "strategy": "ip" }} """))
            .Endpoints[0].RateLimit!.ClientBurst.Should().Be(burst);

    [Fact]
    public void The_proxy_limit_is_read_on_backends_at_any_depth_and_on_agents_backends()
    {
        var backend = LoadValid(ServiceWithBackend("""
            "extra_config": {"github.com/devopsfaith/krakend-ratelimit/juju/proxy": {"max_rate": 0.5, "every": "100ms"}}
            """)).Endpoints[0].Backends[0];
        var agentBackend = LoadValid(ServiceWithAgentBackends("""
            {"url_pattern": "/b", "extra_config": {"qos/ratelimit/proxy": {"max_rate": 3, "capacity": 2}}}
            """)).AsyncAgents[0].Pipe.Backends[0];
        var workflowBackend = LoadValid(ServiceWithWorkflow("""
            {"endpoint": "/w", "backend": [{"url_pattern": "/x", "extra_config": {"qos/ratelimit/proxy": {"max_rate": 1}}}]}
            """)).Endpoints[0].Backends[0].Workflow!.Backends[0];

        backend.RateLimit.Should().BeEquivalentTo(new ProxyRateLimitOptions { MaxRate = 0.5, Every = TimeSpan.FromMilliseconds(100) });
        backend.RateLimit!.Burst.Should().Be(5, "sub-second windows are honoured on backends: 5 a second");
        agentBackend.RateLimit!.Burst.Should().Be(2);
        workflowBackend.RateLimit!.Burst.Should().Be(1);
    }

    [Fact]
    public void Unknown_keys_and_cleanup_threshold_are_errors()
    {
        LoadErrors(ServiceWithEndpoint("""
            "extra_config": {"qos/ratelimit/router": {"max_rate": 1, "cleanup_threshold": 100, "tiers": []}}
            """)).Should().Equal(
            "endpoints[0].extra_config.qos/ratelimit/router.cleanup_threshold: 'cleanup_threshold' is not a field of this namespace: "
                + "client buckets are forgotten by 'cleanup_period' and bounded in number",
            "endpoints[0].extra_config.qos/ratelimit/router.tiers: unknown key 'tiers': refused, because it may configure a protection "
                + "Switchyard does not enforce");
    }

    [Fact]
    public void The_router_limit_is_refused_on_an_agent_with_what_to_use_instead()
    {
        LoadErrors(ServiceWithAgents("""
            {"consumer": {"topic": "#"}, "backend": [{"url_pattern": "/b"}],
             "extra_config": {"async/memory": {}, "qos/ratelimit/router": {"max_rate": 1}}}
            """))
            .Should().ContainSingle().Which.Should().Be(
                "async_agent[0].extra_config.qos/ratelimit/router: 'qos/ratelimit/router' (endpoint rate limits) is refused on an async "
                + "agent: a message has no client request to check; an agent limits the messages it takes with its consumer's "
                + "'max_rate', and its backends with 'qos/ratelimit/proxy'");
    }

    [Fact]
    public void The_router_limit_is_refused_on_a_workflow() =>
        LoadErrors(ServiceWithWorkflow("""
            {"endpoint": "/w", "backend": [{"url_pattern": "/x"}], "extra_config": {"qos/ratelimit/router": {"max_rate": 1}}}
            """)).Should().ContainSingle().Which.Should().StartWith(
            WorkflowPath + ".extra_config.qos/ratelimit/router: 'qos/ratelimit/router' (endpoint rate limits) is served on endpoints only");
}
