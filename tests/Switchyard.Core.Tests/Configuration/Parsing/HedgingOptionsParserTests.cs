using static Switchyard.Core.Tests.Configuration.ConfigFixtures;

namespace Switchyard.Core.Tests.Configuration.Parsing;

public sealed class HedgingOptionsParserTests
{
    private const string Options = """{"delay": "20ms", "max_calls": 3}""";

    [Fact]
    public void An_unknown_key_is_an_error_at_its_path()
    {
        LoadErrors(ServiceWithEndpoint("""
            "extra_config": {"switchyard/hedging": {"delay": "20ms", "max_calls": 2, "percentile": 95}}
            """)).Should().ContainSingle().Which.Should().StartWith("endpoints[0].extra_config.switchyard/hedging.percentile:");
    }

    [Fact]
    public void A_backend_is_no_place_for_hedging()
    {
        LoadErrors(ServiceWithBackend($$"""
            "extra_config": {"switchyard/hedging": {{Options}}}
            """)).Should().ContainSingle().Which.Should().StartWith("endpoints[0].backend[0].extra_config.switchyard/hedging:");
    }

    [Fact]
    public void A_workflow_hedges_its_own_backends_and_not_its_parent_s()
    {
        var endpoint = LoadValid(ServiceWithWorkflow($$"""
            {"endpoint": "/w", "extra_config": {"switchyard/hedging": {{Options}}}, "backend": [{"url_pattern": "/x"}]}
            """)).Endpoints[0];

        endpoint.Backends[0].Hedging.Should().BeNull();
        endpoint.Backends[0].Workflow!.Backends[0].Hedging!.MaxCalls.Should().Be(3);
    }

    [Fact]
    public void An_agent_hedges_its_backends()
    {
        var agent = LoadValid(ServiceWithAgents($$$"""
            {"consumer": {"topic": "#"}, "backend": [{"url_pattern": "/b"}],
             "extra_config": {"async/memory": {}, "switchyard/hedging": {{{Options}}}}}
            """)).AsyncAgents[0];

        agent.Pipe.Backends[0].Hedging!.Delay.Should().Be(TimeSpan.FromMilliseconds(20));
    }
}
