using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Http;
using Switchyard.Testing;

namespace Switchyard.Functions.Tests.Hosting;

/// <summary>
/// <c>switchyard/hedging</c> through the running gateway against a real loopback backend. Each test sends one request
/// first, answered at once: the gateway's first backend call pays its one-time costs (compilation, the connection),
/// which on a loaded machine could delay the hanging call's arrival past the hedge's.
/// </summary>
public sealed class HedgedCallsEndpointTests
{
    private static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(300);
    private static readonly TimeSpan Slack = TimeSpan.FromMilliseconds(15);

    /// <summary>
    /// A backend whose second call (the first of the request after the warm-up) hangs and whose other calls answer at
    /// once with their number; it records when each arrived.
    /// </summary>
    private sealed class SecondCallHangs
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly TaskCompletionSource _hangingCallCancelled = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _calls;

        /// <summary>The calls after the warm-up's, in arrival order, with when they arrived.</summary>
        public ConcurrentQueue<(int Call, TimeSpan At)> Arrivals { get; } = new();

        /// <summary>The time on the clock <see cref="Arrivals"/> are read from.</summary>
        public TimeSpan Now => _clock.Elapsed;

        /// <summary>Completes when the gateway aborts the hanging call.</summary>
        public Task HangingCallCancelled => _hangingCallCancelled.Task;

        public async Task Respond(HttpContext context)
        {
            var call = Interlocked.Increment(ref _calls);
            if (call > 1)
            {
                Arrivals.Enqueue((call, _clock.Elapsed));
            }

            if (call == 2)
            {
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(10), context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    _hangingCallCancelled.TrySetResult();
                    throw;
                }
            }

            await TestBackend.Json(context, $$"""{"call":{{call}}}""");
        }
    }

    [Fact]
    public async Task A_hanging_first_call_is_hedged_after_the_delay_and_the_hedge_answers()
    {
        var script = new SecondCallHangs();
        await using var backend = await TestBackend.StartAsync(script.Respond);
        await using var gateway = await TestGateway.StartAsync(TestGateway.Config($$$"""
            {"endpoint": "/hedged", "timeout": "3s", "concurrent_calls": 3,
             "extra_config": {"switchyard/hedging": {"delay": "300ms", "max_calls": 3}},
             "backend": [{"host": ["{{{backend.Host}}}"], "url_pattern": "/answer"}]}
            """));
        (await gateway.Client.GetAsync("/hedged")).StatusCode.Should().Be(HttpStatusCode.OK);

        var clock = Stopwatch.StartNew();
        var sent = script.Now;
        var response = await gateway.Client.GetAsync("/hedged");

        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(2), "the hedge answered, not the hanging call");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be("""{"call":3}""");
        response.Headers.GetValues("X-KrakenD-Completed").Should().Equal("true");
        var arrivals = script.Arrivals.ToArray();
        arrivals.Should().HaveCount(2, "the hedge answered before a third call was due");

        // From the request, not from the first call's arrival: how late that call reached the backend is the machine's
        // doing, while the hedge cannot leave before the delay has passed since the gateway had the request.
        (arrivals[1].At - sent).Should().BeGreaterThanOrEqualTo(Delay - Slack);
        await script.HangingCallCancelled.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task The_readme_example_hedges_a_hanging_first_call()
    {
        var script = new SecondCallHangs();
        await using var backend = await TestBackend.StartAsync(script.Respond);
        await using var gateway = await TestGateway.StartAsync(
            ReadmeExample.Json("### Hedged calls").Replace("http://localhost:8000", backend.Host, StringComparison.Ordinal));
        (await gateway.Client.GetAsync("/products/7")).StatusCode.Should().Be(HttpStatusCode.OK);

        var sent = script.Now;
        var response = await gateway.Client.GetAsync("/products/7");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().NotBe("""{"call":2}""");
        var arrivals = script.Arrivals.ToArray();
        arrivals.Should().HaveCountGreaterThanOrEqualTo(2).And.OnlyContain(arrival => arrival.Call <= 4, "max_calls is 3");
        (arrivals[1].At - sent).Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(60) - Slack);
    }

    [Fact]
    public async Task A_fast_backend_is_called_once()
    {
        await using var backend = await TestBackend.StartAsync("""{"answer":"fast"}""");
        await using var gateway = await TestGateway.StartAsync(TestGateway.Config($$$"""
            {"endpoint": "/hedged", "timeout": "3s",
             "extra_config": {"switchyard/hedging": {"delay": "1s", "max_calls": 2}},
             "backend": [{"host": ["{{{backend.Host}}}"], "url_pattern": "/answer"}]}
            """));

        var response = await gateway.Client.GetAsync("/hedged");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        backend.Received.Should().ContainSingle();
    }

    [Fact]
    public async Task A_workflow_hedges_its_own_backends()
    {
        var script = new SecondCallHangs();
        await using var backend = await TestBackend.StartAsync(script.Respond);
        await using var gateway = await TestGateway.StartAsync(TestGateway.Config($$$"""
            {"endpoint": "/outer", "timeout": "3s", "backend": [{"url_pattern": "/__workflow", "host": ["{{{backend.Host}}}"],
              "extra_config": {"workflow": {"endpoint": "/inner",
                "extra_config": {"switchyard/hedging": {"delay": "300ms", "max_calls": 2}},
                "backend": [{"host": ["{{{backend.Host}}}"], "url_pattern": "/answer"}]} } }]}
            """));
        (await gateway.Client.GetAsync("/outer")).StatusCode.Should().Be(HttpStatusCode.OK);

        var sent = script.Now;
        var response = await gateway.Client.GetAsync("/outer");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be("""{"call":3}""");
        var arrivals = script.Arrivals.ToArray();
        arrivals.Should().HaveCount(2);

        // From the request, not from the first call's arrival: how late that call reached the backend is the machine's
        // doing, while the hedge cannot leave before the delay has passed since the gateway had the request.
        (arrivals[1].At - sent).Should().BeGreaterThanOrEqualTo(Delay - Slack);
    }

    [Fact]
    public async Task An_async_agent_hedges_its_backends()
    {
        var script = new SecondCallHangs();
        await using var backend = await TestBackend.StartAsync(script.Respond);
        await using var gateway = await TestGateway.StartAsync($$$"""
            {"version": 3, "extra_config": {"switchyard/admin": {"secret": "s3cret-for-tests"} },
             "endpoints": [{"endpoint": "/warm", "backend": [{"host": ["{{{backend.Host}}}"], "url_pattern": "/answer"}]}],
             "async_agent": [{"name": "orders", "consumer": {"topic": "orders.*", "timeout": "3s"},
               "backend": [{"host": ["{{{backend.Host}}}"], "url_pattern": "/answer", "method": "POST"}],
               "extra_config": {"async/memory": {}, "switchyard/hedging": {"delay": "300ms", "max_calls": 2} } }]}
            """);
        (await gateway.Client.GetAsync("/warm")).StatusCode.Should().Be(HttpStatusCode.OK);

        using var publish = new HttpRequestMessage(HttpMethod.Post, "/__agents/orders/messages?routing_key=orders.created")
        {
            Content = new StringContent("""{"order":42}""", System.Text.Encoding.UTF8, "application/json"),
        };
        publish.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "s3cret-for-tests");
        var sent = script.Now;
        (await gateway.Client.SendAsync(publish)).StatusCode.Should().Be(HttpStatusCode.Accepted);

        // The loser is cancelled only once the hedge has answered completely.
        await script.HangingCallCancelled.WaitAsync(TimeSpan.FromSeconds(5));
        var arrivals = script.Arrivals.ToArray();
        arrivals.Should().HaveCount(2);
        (arrivals[1].At - sent).Should().BeGreaterThanOrEqualTo(Delay - Slack, "the hedge leaves no sooner than the delay after the message");
        (arrivals[1].At - arrivals[0].At).Should().BeLessThan(TimeSpan.FromSeconds(1.5), "the hedge, not a redelivery after the 3s timeout");
    }
}
