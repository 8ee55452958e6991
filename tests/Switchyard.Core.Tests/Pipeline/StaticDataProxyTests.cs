using System.Text.Json.Nodes;
using Switchyard.Core.Configuration;
using Switchyard.Core.Pipeline;
using static Switchyard.Core.Tests.Pipeline.Stubs;

namespace Switchyard.Core.Tests.Pipeline;

public sealed class StaticDataProxyTests
{
    public enum Outcome { Complete, Incomplete, PartialWithError, Failed }

    private static Proxy Producing(Outcome outcome) => outcome switch
    {
        Outcome.Complete => Answer("""{"a":1}"""),
        Outcome.Incomplete => Incomplete("""{"a":1}"""),
        Outcome.PartialWithError => (_, _) => ValueTask.FromResult(new ProxyResponse { Data = Json("""{"a":1}"""), Error = new ProxyError("late") }),
        _ => Fail("down"),
    };

    [Theory]
    [InlineData(StaticStrategy.Always, Outcome.Complete, true)]
    [InlineData(StaticStrategy.Always, Outcome.Failed, true)]
    [InlineData(StaticStrategy.Success, Outcome.Complete, true)]
    [InlineData(StaticStrategy.Success, Outcome.Incomplete, true)]
    [InlineData(StaticStrategy.Success, Outcome.Failed, false)]
    [InlineData(StaticStrategy.Complete, Outcome.Complete, true)]
    [InlineData(StaticStrategy.Complete, Outcome.Incomplete, false)]
    [InlineData(StaticStrategy.Errored, Outcome.PartialWithError, true)]
    [InlineData(StaticStrategy.Errored, Outcome.Failed, true)]
    [InlineData(StaticStrategy.Errored, Outcome.Complete, false)]
    [InlineData(StaticStrategy.Incomplete, Outcome.Incomplete, true)]
    [InlineData(StaticStrategy.Incomplete, Outcome.Failed, true)]
    [InlineData(StaticStrategy.Incomplete, Outcome.Complete, false)]
    public async Task Static_data_is_added_when_the_strategy_matches(StaticStrategy strategy, Outcome outcome, bool added)
    {
        var options = new StaticDataOptions { Strategy = strategy, Data = Json("""{"static":"yes","a":"overwritten"}""") };
        var proxy = StaticDataProxy.Create(options, Producing(outcome));

        var response = await proxy(new ProxyRequest(), default);

        (response.Data?.ContainsKey("static") ?? false).Should().Be(added);
        if (added)
        {
            response.Data!["a"]!.GetValue<string>().Should().Be("overwritten");
        }
    }

    [Fact]
    public async Task The_error_is_kept_so_a_failed_endpoint_answers_the_data_incomplete()
    {
        var options = new StaticDataOptions { Strategy = StaticStrategy.Errored, Data = new JsonObject { ["fallback"] = true } };
        var proxy = StaticDataProxy.Create(options, Fail("down"));

        var response = await proxy(new ProxyRequest(), default);

        response.Data!.ToJsonString().Should().Be("""{"fallback":true}""");
        response.IsComplete.Should().BeFalse();
        response.Error!.Message.Should().Be("down");
    }

    [Fact]
    public async Task Static_data_is_copied_so_responses_never_share_it()
    {
        var options = new StaticDataOptions { Data = Json("""{"list":[1]}""") };
        var proxy = StaticDataProxy.Create(options, Answer("{}"));

        var first = await proxy(new ProxyRequest(), default);
        first.Data!["list"]!.AsArray().Add(2);
        var second = await proxy(new ProxyRequest(), default);

        second.Data!["list"]!.ToJsonString().Should().Be("[1]");
    }
}
