using System.Diagnostics;
using Switchyard.Core.Pipeline;
using Switchyard.Testing;

namespace Switchyard.Core.Tests.Telemetry.Tracing;

public sealed class RaceSpansTests
{
    [Fact]
    public async Task A_race_marks_its_winner_and_its_cancelled_calls_which_are_no_errors()
    {
        var arrivals = 0;
        await using var backend = await TestBackend.StartAsync(async context =>
        {
            // The first call to arrive answers at once; the others would take far longer than the test.
            if (Interlocked.Increment(ref arrivals) > 1)
            {
                await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
            }

            await TestBackend.Json(context, """{"fast":true}""");
        });
        var pipe = TracedPipe.Compile($$"""
            {"version": 3, "host": ["{{backend.Host}}"], "timeout": "20s", "endpoints": [{
              "endpoint": "/race", "concurrent_calls": 3,
              "backend": [{"url_pattern": "/slow-or-fast"}]}]}
            """);
        using var spans = new SpanRecorder();

        var response = await pipe(TracedPipe.Request(), default);

        response.IsComplete.Should().BeTrue();
        await spans.EndedAsync(7);
        var proxy = spans.Named("/race");
        var calls = spans.ChildrenOf(proxy);
        calls.Should().HaveCount(3).And.OnlyContain(c => c.DisplayName == "race /slow-or-fast");
        calls.Select(c => c.GetTagItem("switchyard.race.call")).Should().BeEquivalentTo(new object[] { 1, 2, 3 });
        var winner = calls.Should().ContainSingle(c => Equals(c.GetTagItem("switchyard.race.winner"), true)).Subject;
        winner.Status.Should().Be(ActivityStatusCode.Unset);
        var cancelled = calls.Where(c => c != winner).ToList();
        cancelled.Should().OnlyContain(c => Equals(c.GetTagItem("switchyard.race.cancelled"), true) && c.Status == ActivityStatusCode.Unset);
        foreach (var loser in cancelled)
        {
            var call = spans.ChildrenOf(loser).Should().ContainSingle().Subject;
            call.GetTagItem("krakend.stage").Should().Be("backend");
            call.GetTagItem("canceled").Should().Be(true);
            call.Status.Should().Be(ActivityStatusCode.Unset, "a cancelled call is no failure");
        }

        var won = spans.ChildrenOf(winner).Should().ContainSingle().Subject;
        won.GetTagItem("http.response.status_code").Should().Be(200);
        proxy.Status.Should().Be(ActivityStatusCode.Unset);
    }

    [Fact]
    public async Task A_hedged_call_is_marked_and_wins_over_the_stalled_first_call()
    {
        var arrivals = 0;
        await using var backend = await TestBackend.StartAsync(async context =>
        {
            if (Interlocked.Increment(ref arrivals) == 1)
            {
                await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
            }

            await TestBackend.Json(context, """{"hedge":true}""");
        });
        var endpoint = TracedPipe.Endpoint($$"""
            {"version": 3, "host": ["{{backend.Host}}"], "timeout": "20s", "endpoints": [{
              "endpoint": "/hedged", "backend": [{"url_pattern": "/stall-then-answer"}]}]}
            """);
        endpoint = endpoint with
        {
            Backends = [endpoint.Backends[0] with { Hedging = new HedgingOptions { MaxCalls = 2, Delay = TimeSpan.FromMilliseconds(50) } }],
        };
        var pipe = TracedPipe.Compile(endpoint);
        using var spans = new SpanRecorder();

        var response = await pipe(TracedPipe.Request(), default);

        response.IsComplete.Should().BeTrue();
        await spans.EndedAsync(5);
        var calls = spans.ChildrenOf(spans.Named("/hedged"));
        var first = calls.Should().ContainSingle(c => Equals(c.GetTagItem("switchyard.race.call"), 1)).Subject;
        var hedge = calls.Should().ContainSingle(c => Equals(c.GetTagItem("switchyard.race.call"), 2)).Subject;
        first.GetTagItem("switchyard.race.hedged").Should().BeNull();
        first.GetTagItem("switchyard.race.cancelled").Should().Be(true);
        hedge.GetTagItem("switchyard.race.hedged").Should().Be(true);
        hedge.GetTagItem("switchyard.race.winner").Should().Be(true);
    }
}
