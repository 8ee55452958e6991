using System.Collections.Concurrent;
using Switchyard.Core.Pipeline;
using static Switchyard.Core.Tests.Pipeline.Stubs;

namespace Switchyard.Core.Tests.Pipeline;

public sealed class SequentialMergeProxyTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    private static Proxy Recording(ConcurrentQueue<ProxyRequest> seen, string json) => (request, _) =>
    {
        seen.Enqueue(request);
        return ValueTask.FromResult(ProxyResponse.Complete(Json(json)));
    };

    [Fact]
    public async Task Later_steps_receive_values_of_earlier_responses_as_params()
    {
        var seen = new ConcurrentQueue<ProxyRequest>();
        var sequence = SequentialMergeProxy.Create(Timeout,
            [
                Answer("""{"user":{"id":42,"name":"ana","tags":["a","b"],"ok":true,"none":null}}"""),
                Recording(seen, """{"second":true}"""),
            ],
            ["resp0_user.id", "resp0_user.name", "resp0_user.tags", "resp0_user.ok", "resp0_user.none", "resp0_user.missing"]);

        var response = await sequence(new ProxyRequest(), default);

        response.IsComplete.Should().BeTrue();
        response.Data!.Should().ContainKeys("user", "second");
        var parameters = seen.Single().Params;
        parameters["Resp0_user.id"].Should().Be("42");
        parameters["Resp0_user.name"].Should().Be("ana");
        parameters["Resp0_user.tags"].Should().Be("a,b");
        parameters["Resp0_user.ok"].Should().Be("true");
        parameters["Resp0_user.none"].Should().Be("<nil>");
        parameters.Should().NotContainKey("Resp0_user.missing");
    }

    [Fact]
    public async Task A_failing_first_step_fails_the_endpoint_and_stops_the_chain()
    {
        var seen = new ConcurrentQueue<ProxyRequest>();
        var sequence = SequentialMergeProxy.Create(Timeout, [Fail("first down"), Recording(seen, "{}")], []);

        var response = await sequence(new ProxyRequest(), default);

        response.IsEmpty.Should().BeTrue();
        response.Error!.Message.Should().Be("first down");
        seen.Should().BeEmpty();
    }

    [Fact]
    public async Task A_failing_later_step_keeps_what_was_gathered_and_stops()
    {
        var seen = new ConcurrentQueue<ProxyRequest>();
        var sequence = SequentialMergeProxy.Create(Timeout,
            [Answer("""{"a":1}"""), Fail("second down"), Recording(seen, "{}")], []);

        var response = await sequence(new ProxyRequest(), default);

        response.Data!.ToJsonString().Should().Be("""{"a":1}""");
        response.IsComplete.Should().BeFalse();
        response.Error!.Message.Should().Be("second down");
        seen.Should().BeEmpty();
    }

    [Fact]
    public async Task An_incomplete_step_stops_the_chain()
    {
        var seen = new ConcurrentQueue<ProxyRequest>();
        var sequence = SequentialMergeProxy.Create(Timeout,
            [Answer("""{"a":1}"""), Incomplete("""{"b":2}"""), Recording(seen, "{}")], []);

        var response = await sequence(new ProxyRequest(), default);

        response.IsComplete.Should().BeFalse();
        response.Data!.Should().ContainKeys("a", "b");
        seen.Should().BeEmpty();
    }
}
