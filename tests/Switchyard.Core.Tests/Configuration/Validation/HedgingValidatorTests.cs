using static Switchyard.Core.Tests.Configuration.ConfigFixtures;

namespace Switchyard.Core.Tests.Configuration.Validation;

public sealed class HedgingValidatorTests
{
    private const string Path = "endpoints[0].extra_config.switchyard/hedging";

    private static string Hedging(string options, string endpointKeys = "") =>
        ServiceWithEndpoint("\"extra_config\": {\"switchyard/hedging\": {" + options + "}}" + (endpointKeys.Length == 0 ? "" : ", " + endpointKeys));

    [Theory]
    [InlineData("\"max_calls\": 1", "max_calls must be between 2 and 5, got 1")]
    [InlineData("\"max_calls\": 6", "max_calls must be between 2 and 5, got 6")]
    public void Max_calls_outside_2_to_5_is_an_error_at_its_path(string maxCalls, string message)
    {
        LoadErrors(Hedging($"\"delay\": \"20ms\", {maxCalls}")).Should().Equal($"{Path}.max_calls: {message}");
    }

    [Fact]
    public void Missing_delay_and_max_calls_are_errors_at_their_paths()
    {
        LoadErrors(Hedging("")).Should().BeEquivalentTo(
            $"{Path}.max_calls: max_calls must be between 2 and 5, got 0",
            $"{Path}.delay: delay must be more than 0 and below 1.5s, the race's deadline (75% of the timeout 2s), got 0s");
    }

    [Fact]
    public void A_delay_the_race_would_never_reach_is_an_error_at_its_path()
    {
        LoadErrors(Hedging("\"delay\": \"1500ms\", \"max_calls\": 2", "\"timeout\": \"2s\"")).Should().Equal(
            $"{Path}.delay: delay must be more than 0 and below 1.5s, the race's deadline (75% of the timeout 2s), got 1.5s");
    }

    [Fact]
    public void Max_calls_that_disagrees_with_concurrent_calls_is_an_error()
    {
        LoadErrors(Hedging("\"delay\": \"20ms\", \"max_calls\": 3", "\"concurrent_calls\": 2")).Should().Equal(
            $"{Path}.max_calls: max_calls 3 disagrees with concurrent_calls 2: hedging makes at most max_calls calls; "
                + "leave concurrent_calls out or give it the same value");
    }

    [Theory]
    [InlineData("")]
    [InlineData("\"concurrent_calls\": 1")]
    [InlineData("\"concurrent_calls\": 3")]
    public void Max_calls_with_concurrent_calls_left_out_one_or_the_same_is_valid(string endpointKeys)
    {
        var backend = LoadValid(Hedging("\"delay\": \"20ms\", \"max_calls\": 3", endpointKeys)).Endpoints[0].Backends[0];

        backend.Hedging!.MaxCalls.Should().Be(3);
        backend.Hedging.Delay.Should().Be(TimeSpan.FromMilliseconds(20));
    }

    [Fact]
    public void Hedging_in_a_durable_pipe_is_refused()
    {
        LoadErrors("""
            {"version": 3, "host": ["http://b"], "extra_config": {"switchyard/durable": {"connection": "UseDevelopmentStorage=true"}},
             "endpoints": [{"endpoint": "/e", "extra_config": {"switchyard/durable": {}, "switchyard/hedging": {"delay": "20ms", "max_calls": 2}},
               "backend": [{"url_pattern": "/x"}]}]}
            """).Should().Equal(
            $"{Path}: hedging is not served in a durable pipe: its steps are recorded activities; use concurrent_calls there");
    }

    [Fact]
    public void Errors_in_a_workflow_and_an_agent_name_their_paths()
    {
        LoadErrors(ServiceWithWorkflow("""
            {"endpoint": "/w", "extra_config": {"switchyard/hedging": {"delay": "20ms", "max_calls": 9}}, "backend": [{"url_pattern": "/x"}]}
            """)).Should().Equal($"{WorkflowPath}.extra_config.switchyard/hedging.max_calls: max_calls must be between 2 and 5, got 9");

        LoadErrors(ServiceWithAgents("""
            {"consumer": {"topic": "#", "timeout": "1s"}, "backend": [{"url_pattern": "/b"}],
             "extra_config": {"async/memory": {}, "switchyard/hedging": {"delay": "900ms", "max_calls": 2}}}
            """)).Should().Equal(
            "async_agent[0].extra_config.switchyard/hedging.delay: delay must be more than 0 and below 750ms, the race's deadline (75% of the timeout 1s), got 900ms");
    }
}
