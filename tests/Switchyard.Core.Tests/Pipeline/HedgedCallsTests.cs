using Switchyard.Core.Pipeline;
using Switchyard.Core.Tests.Agents;
using static Switchyard.Core.Tests.Pipeline.Stubs;

namespace Switchyard.Core.Tests.Pipeline;

/// <summary>
/// <see cref="ConcurrentCallsProxy"/> with a hedge delay (<c>switchyard/hedging</c>). Real delays: the lower bounds
/// are exact (a timer never fires early), the upper ones leave room for a loaded machine.
/// </summary>
public sealed class HedgedCallsTests
{
    private static readonly TimeSpan Slack = TimeSpan.FromMilliseconds(15);

    private static Proxy Hedged(ScriptedBackend backend, int maxCalls, TimeSpan delay, TimeSpan? timeout = null) =>
        ConcurrentCallsProxy.Create(maxCalls, delay, timeout ?? TimeSpan.FromSeconds(10), TimeProvider.System, backend.Proxy, "/race");

    [Fact]
    public async Task A_first_answer_within_the_delay_makes_exactly_one_call()
    {
        var backend = new ScriptedBackend(Answer("""{"call":0}""", TimeSpan.FromMilliseconds(10)));
        var proxy = Hedged(backend, 3, TimeSpan.FromMilliseconds(300));

        var response = await proxy(new ProxyRequest(), default);

        response.Data!["call"]!.GetValue<int>().Should().Be(0);
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        backend.Started.Should().Be(1, "the hedge timer died with the answer");
    }

    [Fact]
    public async Task A_first_call_slower_than_the_delay_gets_a_second_call_after_the_delay_and_the_first_answer_wins()
    {
        var delay = TimeSpan.FromMilliseconds(200);
        var backend = new ScriptedBackend(
            Answer("""{"call":0}""", TimeSpan.FromSeconds(5)),
            Answer("""{"call":1}""", TimeSpan.FromMilliseconds(20)));
        var proxy = Hedged(backend, 3, delay);

        var response = await proxy(new ProxyRequest(), default);

        response.IsComplete.Should().BeTrue();
        response.Data!["call"]!.GetValue<int>().Should().Be(1);
        var starts = backend.Starts;
        starts.Should().HaveCount(2);
        (starts[1] - starts[0]).Should().BeGreaterThanOrEqualTo(delay - Slack).And.BeLessThan(delay + TimeSpan.FromSeconds(1));
        await Eventually.HoldsAsync(() => backend.Cancelled == 1, what: "the losing calls are cancelled");
        backend.Started.Should().Be(2, "the winner answered before a third call was due");
    }

    [Fact]
    public async Task Max_calls_bounds_the_calls_and_each_starts_a_delay_after_the_previous()
    {
        var delay = TimeSpan.FromMilliseconds(100);
        var backend = new ScriptedBackend(Answer("{}", TimeSpan.FromSeconds(5)));
        var proxy = Hedged(backend, 3, delay, timeout: TimeSpan.FromMilliseconds(1200));

        var response = await proxy(new ProxyRequest(), default);

        response.Error!.Message.Should().Be("context deadline exceeded");
        var starts = backend.Starts;
        starts.Should().HaveCount(3);
        (starts[1] - starts[0]).Should().BeGreaterThanOrEqualTo(delay - Slack);
        (starts[2] - starts[1]).Should().BeGreaterThanOrEqualTo(delay - Slack);
        await Eventually.HoldsAsync(() => backend.Cancelled == 3, what: "the losing calls are cancelled");
    }

    [Fact]
    public async Task A_failed_answer_starts_the_next_call_at_once_and_the_delay_counts_from_that_start()
    {
        var delay = TimeSpan.FromMilliseconds(400);
        var backend = new ScriptedBackend(
            Fail("refused", TimeSpan.FromMilliseconds(20)),
            Answer("""{"call":1}""", TimeSpan.FromSeconds(5)),
            Answer("""{"call":2}""", TimeSpan.FromMilliseconds(20)));
        var proxy = Hedged(backend, 3, delay);

        var response = await proxy(new ProxyRequest(), default);

        response.Data!["call"]!.GetValue<int>().Should().Be(2);
        var starts = backend.Starts;
        (starts[1] - starts[0]).Should().BeLessThan(delay - TimeSpan.FromMilliseconds(100), "a failure does not wait out the delay");
        (starts[2] - starts[1]).Should().BeGreaterThanOrEqualTo(delay - Slack);
    }

    [Fact]
    public async Task When_every_call_fails_the_last_answer_is_returned()
    {
        var backend = new ScriptedBackend(Fail("first"), Fail("second", TimeSpan.FromMilliseconds(20)));
        var proxy = Hedged(backend, 2, TimeSpan.FromSeconds(1));

        var response = await proxy(new ProxyRequest(), default);

        response.Error!.Message.Should().Be("second");
        backend.Started.Should().Be(2);
    }

    [Fact]
    public async Task Hedged_calls_that_all_outlive_75_percent_of_the_timeout_are_a_deadline_error()
    {
        var backend = new ScriptedBackend(Answer("{}", TimeSpan.FromSeconds(10)));
        var proxy = Hedged(backend, 2, TimeSpan.FromMilliseconds(100), timeout: TimeSpan.FromMilliseconds(400));

        var started = DateTimeOffset.UtcNow;
        var response = await proxy(new ProxyRequest(), default);

        (DateTimeOffset.UtcNow - started).Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(290)).And.BeLessThan(TimeSpan.FromSeconds(2));
        response.Error!.Message.Should().Be("context deadline exceeded");
        backend.Started.Should().Be(2);
        await Eventually.HoldsAsync(() => backend.Cancelled == 2, what: "the losing calls are cancelled");
    }
}
