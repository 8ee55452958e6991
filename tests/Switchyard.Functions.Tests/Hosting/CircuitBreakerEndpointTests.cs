using System.Net;
using Microsoft.Extensions.Logging;
using Switchyard.Functions.Tests.BuiltIn;
using Switchyard.Testing;

namespace Switchyard.Functions.Tests.Hosting;

/// <summary>
/// <c>qos/circuit-breaker</c> through the running gateway, against a real loopback backend that fails and then
/// recovers, on the real clock (a one-second timeout and generous waits), configured with the README's example.
/// </summary>
public sealed class CircuitBreakerEndpointTests
{
    /// <summary>A backend that answers 500 while <see cref="Failing"/>, else 200, and counts its calls.</summary>
    private sealed class FlakyBackend
    {
        private int _calls;
        private volatile bool _failing = true;

        public int Calls => Volatile.Read(ref _calls);

        public bool Failing
        {
            set => _failing = value;
        }

        public Task Answer(Microsoft.AspNetCore.Http.HttpContext context)
        {
            Interlocked.Increment(ref _calls);
            return TestBackend.Json(context, """{"ok":true}""", _failing ? 500 : 200);
        }
    }

    // The README's example, its host moved to the test backend and its 10 s timeout cut to 1 s.
    private static string Config(string backendHost)
    {
        var example = ReadmeExample.Json("### Circuit breaker");
        example.Should().Contain("\"timeout\": 10").And.Contain("http://orders.internal:8080");
        return example.Replace("http://orders.internal:8080", backendHost, StringComparison.Ordinal)
            .Replace("\"timeout\": 10", "\"timeout\": 1", StringComparison.Ordinal);
    }

    [Fact]
    public async Task It_opens_after_max_errors_calls_nothing_while_open_probes_once_after_the_timeout_and_closes_on_success()
    {
        var flaky = new FlakyBackend();
        await using var backend = await TestBackend.StartAsync(flaky.Answer);
        using var logs = new CapturedLogs();
        await using var gateway = await TestGateway.StartAsync(Config(backend.Host), logs);

        for (var i = 0; i < 3; i++)
        {
            var failed = await gateway.GetAnswerAsync("/orders");
            failed.Status.Should().Be(HttpStatusCode.InternalServerError);
            failed.Body.Should().StartWith("invalid status code 500");
        }

        for (var i = 0; i < 5; i++)
        {
            var open = await gateway.GetAnswerAsync("/orders");
            open.Status.Should().Be(HttpStatusCode.InternalServerError);
            open.Completed.Should().Be("false");
            open.Body.Should().Be("circuit breaker is open");
        }

        flaky.Calls.Should().Be(3, "max_errors 2: the third consecutive failure opened the breaker, which calls nothing");

        // After the timeout one probe reaches the backend; it still fails, so the breaker opens again at once.
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        (await gateway.GetAnswerAsync("/orders")).Body.Should().StartWith("invalid status code 500");
        (await gateway.GetAnswerAsync("/orders")).Body.Should().Be("circuit breaker is open");
        flaky.Calls.Should().Be(4);

        // The backend recovers: the next probe succeeds and closes the breaker.
        flaky.Failing = false;
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        for (var i = 0; i < 4; i++)
        {
            var ok = await gateway.GetAnswerAsync("/orders");
            ok.Status.Should().Be(HttpStatusCode.OK);
            ok.Body.Should().Be("""{"ok":true}""");
        }

        flaky.Calls.Should().Be(8);
        logs.Entries.Where(e => e.Message.StartsWith("[CB]", StringComparison.Ordinal))
            .Should().OnlyContain(e => e.Level == LogLevel.Warning)
            .And.Subject.Select(e => e.Message).Should().Equal(
                "[CB] Circuit breaker named 'orders-cb' went from 'closed' to 'open'",
                "[CB] Circuit breaker named 'orders-cb' went from 'open' to 'half-open'",
                "[CB] Circuit breaker named 'orders-cb' went from 'half-open' to 'open'",
                "[CB] Circuit breaker named 'orders-cb' went from 'open' to 'half-open'",
                "[CB] Circuit breaker named 'orders-cb' went from 'half-open' to 'closed'");
    }

    [Fact]
    public async Task A_half_open_breaker_lets_one_probe_through_and_answers_the_others_too_many_requests()
    {
        var probeArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = 0;
        var recovered = false;
        await using var backend = await TestBackend.StartAsync(async context =>
        {
            Interlocked.Increment(ref calls);
            if (Volatile.Read(ref recovered))
            {
                probeArrived.TrySetResult();
                await release.Task.WaitAsync(TimeSpan.FromSeconds(30));
            }

            await TestBackend.Json(context, "{}", Volatile.Read(ref recovered) ? 200 : 503);
        });
        await using var gateway = await TestGateway.StartAsync(Config(backend.Host));
        for (var i = 0; i < 3; i++)
        {
            await gateway.GetAnswerAsync("/orders");
        }

        Volatile.Write(ref recovered, true);
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var probe = gateway.GetAnswerAsync("/orders");
        await probeArrived.Task.WaitAsync(TimeSpan.FromSeconds(30));

        var concurrent = await gateway.GetAnswerAsync("/orders");
        concurrent.Status.Should().Be(HttpStatusCode.InternalServerError);
        concurrent.Body.Should().Be("too many requests");

        release.SetResult();
        (await probe).Status.Should().Be(HttpStatusCode.OK);
        (await gateway.GetAnswerAsync("/orders")).Status.Should().Be(HttpStatusCode.OK);
        Volatile.Read(ref calls).Should().Be(5);
    }

    // One backend that opens on its first failure, within the endpoint timeout given.
    private static string StrictBreaker(string backendHost, string timeout) => TestGateway.Config($$$"""
        {"endpoint": "/slow", "timeout": "{{{timeout}}}", "backend": [{"host": ["{{{backendHost}}}"], "url_pattern": "/slow",
          "extra_config": {"qos/circuit-breaker": {"interval": 60, "timeout": 60, "max_errors": 0} } }]}
        """, """ "extra_config": {"router": {"return_error_msg": true}} """);

    [Fact]
    public async Task A_client_that_goes_away_during_the_call_counts_neither_way()
    {
        var calls = 0;
        var firstCallAborted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var backend = await TestBackend.StartAsync(async context =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                context.RequestAborted.Register(() => firstCallAborted.TrySetResult());
                await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
            }

            await TestBackend.Json(context, "{}");
        });
        await using var gateway = await TestGateway.StartAsync(StrictBreaker(backend.Host, "20s"));

        using (var leaving = new CancellationTokenSource(TimeSpan.FromMilliseconds(500)))
        {
            var abandoned = () => gateway.Client.GetAsync("/slow", leaving.Token);
            await abandoned.Should().ThrowAsync<OperationCanceledException>();
        }

        await firstCallAborted.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await Task.Delay(TimeSpan.FromMilliseconds(300));

        (await gateway.GetAnswerAsync("/slow")).Status.Should().Be(HttpStatusCode.OK, "the abandoned call did not open the breaker");
        Volatile.Read(ref calls).Should().Be(2);
    }

    [Fact]
    public async Task A_call_that_runs_out_of_the_endpoints_time_is_a_failure()
    {
        var calls = 0;
        await using var backend = await TestBackend.StartAsync(async context =>
        {
            Interlocked.Increment(ref calls);
            await Task.Delay(TimeSpan.FromSeconds(5), context.RequestAborted);
            await TestBackend.Json(context, "{}");
        });
        await using var gateway = await TestGateway.StartAsync(StrictBreaker(backend.Host, "300ms"));

        (await gateway.GetAnswerAsync("/slow")).Status.Should().Be(HttpStatusCode.InternalServerError);
        var open = await gateway.GetAnswerAsync("/slow");

        open.Body.Should().Be("circuit breaker is open");
        Volatile.Read(ref calls).Should().Be(1);
    }
}
