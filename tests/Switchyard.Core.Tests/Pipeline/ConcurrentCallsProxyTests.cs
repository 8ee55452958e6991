using Switchyard.Core.Pipeline;
using Switchyard.Core.Tests.Agents;
using static Switchyard.Core.Tests.Pipeline.Stubs;

namespace Switchyard.Core.Tests.Pipeline;

public sealed class ConcurrentCallsProxyTests
{
    [Fact]
    public async Task The_first_complete_answer_wins_and_the_other_calls_are_cancelled()
    {
        var backend = new ScriptedBackend(
            Answer("""{"call":"slow"}""", TimeSpan.FromSeconds(1)),
            Answer("""{"call":"fast"}""", TimeSpan.FromMilliseconds(20)),
            Answer("""{"call":"slow"}""", TimeSpan.FromSeconds(1)));
        var proxy = ConcurrentCallsProxy.Create(3, TimeSpan.Zero, TimeSpan.FromSeconds(2), TimeProvider.System, backend.Proxy, "/race");

        var response = await proxy(new ProxyRequest(), default);

        response.Data!["call"]!.GetValue<string>().Should().Be("fast");
        backend.Started.Should().Be(3);
        await Eventually.HoldsAsync(() => backend.Cancelled == 2, what: "the losing calls are cancelled");
    }

    [Fact]
    public async Task Failures_are_ignored_while_other_calls_are_pending()
    {
        var backend = new ScriptedBackend(Fail("refused"), Answer("""{"ok":true}""", TimeSpan.FromMilliseconds(100)));
        var proxy = ConcurrentCallsProxy.Create(2, TimeSpan.Zero, TimeSpan.FromSeconds(2), TimeProvider.System, backend.Proxy, "/race");

        var response = await proxy(new ProxyRequest(), default);

        response.IsComplete.Should().BeTrue();
        response.Data!["ok"]!.GetValue<bool>().Should().BeTrue();
    }

    [Fact]
    public async Task When_no_call_is_complete_the_last_answer_is_returned()
    {
        var backend = new ScriptedBackend(Fail("first"), Fail("second", TimeSpan.FromMilliseconds(100)));
        var proxy = ConcurrentCallsProxy.Create(2, TimeSpan.Zero, TimeSpan.FromSeconds(2), TimeProvider.System, backend.Proxy, "/race");

        var response = await proxy(new ProxyRequest(), default);

        response.IsEmpty.Should().BeTrue();
        response.Error!.Message.Should().Be("second");
    }

    [Fact]
    public async Task Calls_that_all_outlive_75_percent_of_the_backend_timeout_are_a_deadline_error()
    {
        var backend = new ScriptedBackend(Answer("{}", TimeSpan.FromSeconds(10)));
        var proxy = ConcurrentCallsProxy.Create(3, TimeSpan.Zero, TimeSpan.FromMilliseconds(400), TimeProvider.System, backend.Proxy, "/race");

        var started = DateTimeOffset.UtcNow;
        var response = await proxy(new ProxyRequest(), default);

        (DateTimeOffset.UtcNow - started).Should().BeLessThan(TimeSpan.FromSeconds(2));
        response.IsEmpty.Should().BeTrue();
        response.Error!.Message.Should().Be("context deadline exceeded");
    }
}
