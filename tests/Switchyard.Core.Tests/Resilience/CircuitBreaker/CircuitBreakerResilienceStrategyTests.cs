using System.ComponentModel.DataAnnotations;
using Polly;
using Switchyard.Core.Configuration;
using Switchyard.Core.Pipeline;
using Switchyard.Core.Resilience;
using Switchyard.Core.Resilience.CircuitBreaker;
using Switchyard.Core.Telemetry.Metrics;
using Switchyard.Testing;

namespace Switchyard.Core.Tests.Resilience.CircuitBreaker;

/// <summary>
/// KrakenD's breaker state machine through the backend's resilience layer, on a clock the tests move. The layer below
/// is a scripted backend that counts its calls.
/// </summary>
public sealed class CircuitBreakerResilienceStrategyTests
{
    private static readonly ProxyResponse Ok = ProxyResponse.Complete(new System.Text.Json.Nodes.JsonObject());

    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    /// <summary>A backend whose answers the test decides, one call at a time or all alike.</summary>
    private sealed class ScriptedBackend
    {
        private int _calls;

        public Func<ProxyRequest, CancellationToken, ValueTask<ProxyResponse>> Answer { get; set; } = (_, _) => ValueTask.FromResult(Ok);

        public int Calls => Volatile.Read(ref _calls);

        public Proxy Proxy => (request, cancellationToken) =>
        {
            Interlocked.Increment(ref _calls);
            return Answer(request, cancellationToken);
        };

        public void Fails() => Answer = (_, _) => ValueTask.FromResult(ProxyResponse.Failed("invalid status code 500"));

        public void Succeeds() => Answer = (_, _) => ValueTask.FromResult(Ok);
    }

    private (Proxy Pipe, ScriptedBackend Backend) Breaker(int maxErrors, int interval = 0, int timeout = 10)
    {
        var backend = new ScriptedBackend();
        var config = new BackendConfig
        {
            UrlPattern = "/b",
            JsonPath = "endpoints[0].backend[0]",
            CircuitBreaker = new CircuitBreakerOptions { MaxErrors = maxErrors, Interval = interval, Timeout = timeout },
        };
        return (BackendResilience.Create(new BackendRoute(config, null), new BackendStates(_time), backend.Proxy), backend);
    }

    private static async Task<string?> Call(Proxy pipe, ProxyRequest? request = null, CancellationToken cancellationToken = default) =>
        (await pipe(request ?? new ProxyRequest(), cancellationToken)).Error?.Message;

    private static async Task CallTimes(Proxy pipe, int times)
    {
        for (var i = 0; i < times; i++)
        {
            await Call(pipe);
        }
    }

    [Fact]
    public async Task It_opens_after_max_errors_plus_one_consecutive_failures_and_then_fails_fast_without_calling_the_backend()
    {
        var (pipe, backend) = Breaker(maxErrors: 2);
        backend.Fails();

        (await Call(pipe)).Should().Be("invalid status code 500");
        (await Call(pipe)).Should().Be("invalid status code 500");
        (await Call(pipe)).Should().Be("invalid status code 500", "the third failure exceeds max_errors 2 and opens the breaker");
        backend.Calls.Should().Be(3);

        for (var i = 0; i < 5; i++)
        {
            (await Call(pipe)).Should().Be("circuit breaker is open");
        }

        backend.Calls.Should().Be(3, "an open breaker calls nothing");
    }

    [Fact]
    public async Task Max_errors_zero_opens_on_the_first_failure()
    {
        var (pipe, backend) = Breaker(maxErrors: 0);
        backend.Fails();

        await Call(pipe);

        (await Call(pipe)).Should().Be("circuit breaker is open");
        backend.Calls.Should().Be(1);
    }

    [Fact]
    public async Task A_success_ends_the_streak()
    {
        var (pipe, backend) = Breaker(maxErrors: 1);
        backend.Fails();
        await Call(pipe);
        backend.Succeeds();
        await Call(pipe);
        backend.Fails();
        await Call(pipe);

        (await Call(pipe)).Should().Be("invalid status code 500", "failure, success, failure is a streak of one: this second failure opens");
        (await Call(pipe)).Should().Be("circuit breaker is open");
        backend.Calls.Should().Be(4);
    }

    [Fact]
    public async Task The_counts_restart_after_each_interval()
    {
        var (pipe, backend) = Breaker(maxErrors: 1, interval: 10);
        backend.Fails();

        await Call(pipe);
        _time.Advance(TimeSpan.FromSeconds(10));
        (await Call(pipe)).Should().Be("invalid status code 500", "at exactly 10 s the interval has not ended: this is the second failure");
        (await Call(pipe)).Should().Be("circuit breaker is open");

        var (fresh, freshBackend) = Breaker(maxErrors: 1, interval: 10);
        freshBackend.Fails();
        await Call(fresh);
        _time.Advance(TimeSpan.FromSeconds(10) + TimeSpan.FromTicks(1));
        await Call(fresh);
        (await Call(fresh)).Should().Be("invalid status code 500", "the interval ended before the second failure, which started a new count");
        (await Call(fresh)).Should().Be("circuit breaker is open");
        freshBackend.Calls.Should().Be(3);
    }

    [Fact]
    public async Task Without_an_interval_failures_far_apart_still_add_up()
    {
        var (pipe, backend) = Breaker(maxErrors: 1, interval: 0);
        backend.Fails();

        await Call(pipe);
        _time.Advance(TimeSpan.FromDays(3));
        await Call(pipe);

        (await Call(pipe)).Should().Be("circuit breaker is open");
    }

    [Fact]
    public async Task After_the_timeout_one_probe_goes_through_while_a_concurrent_call_gets_too_many_requests_and_its_success_closes()
    {
        var (pipe, backend) = Breaker(maxErrors: 0, timeout: 5);
        backend.Fails();
        await Call(pipe);

        _time.Advance(TimeSpan.FromSeconds(5));
        (await Call(pipe)).Should().Be("circuit breaker is open", "the break lasts the whole timeout");

        _time.Advance(TimeSpan.FromTicks(1));
        var probeAnswer = new TaskCompletionSource<ProxyResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        backend.Answer = (_, _) => new ValueTask<ProxyResponse>(probeAnswer.Task);
        var probe = Call(pipe);

        (await Call(pipe)).Should().Be("too many requests");
        (await Call(pipe)).Should().Be("too many requests");
        backend.Calls.Should().Be(2, "only the probe reached the backend");

        probeAnswer.SetResult(Ok);
        (await probe).Should().BeNull();

        backend.Succeeds();
        for (var i = 0; i < 3; i++)
        {
            (await Call(pipe)).Should().BeNull("the probe's success closed the breaker");
        }

        backend.Calls.Should().Be(5);
    }

    [Fact]
    public async Task A_failed_probe_opens_the_breaker_again_for_a_full_timeout()
    {
        var (pipe, backend) = Breaker(maxErrors: 3, timeout: 5);
        backend.Fails();
        await CallTimes(pipe, 4);
        _time.Advance(TimeSpan.FromSeconds(6));

        (await Call(pipe)).Should().Be("invalid status code 500", "the probe reached the backend and failed");
        (await Call(pipe)).Should().Be("circuit breaker is open", "one failed probe reopens, whatever max_errors says");
        backend.Calls.Should().Be(5);

        _time.Advance(TimeSpan.FromSeconds(5));
        (await Call(pipe)).Should().Be("circuit breaker is open", "the new break started at the probe's failure");
        _time.Advance(TimeSpan.FromSeconds(1));
        backend.Succeeds();
        (await Call(pipe)).Should().BeNull();
        backend.Calls.Should().Be(6);
    }

    [Fact]
    public async Task A_timeout_of_zero_breaks_for_sixty_seconds()
    {
        var (pipe, backend) = Breaker(maxErrors: 0, timeout: 0);
        backend.Fails();
        await Call(pipe);

        _time.Advance(TimeSpan.FromSeconds(60));
        (await Call(pipe)).Should().Be("circuit breaker is open");
        _time.Advance(TimeSpan.FromSeconds(1));
        backend.Succeeds();
        (await Call(pipe)).Should().BeNull();
    }

    // A call during which the pipe's token is cancelled, as by a client that leaves (clientLeaves) or by a deadline.
    private static async Task<string?> Cancelled(Proxy pipe, ScriptedBackend backend, bool clientLeaves)
    {
        using var cancellation = new CancellationTokenSource();
        var previous = backend.Answer;
        backend.Answer = async (_, _) =>
        {
            await cancellation.CancelAsync();
            return ProxyResponse.Failed(ProxyError.DeadlineExceeded);
        };
        var request = new ProxyRequest { ClientAborted = clientLeaves ? cancellation.Token : default };
        var error = await Call(pipe, request, cancellation.Token);
        backend.Answer = previous;
        return error;
    }

    [Fact]
    public async Task A_call_whose_client_went_away_counts_neither_as_failure_nor_as_success()
    {
        var (pipe, backend) = Breaker(maxErrors: 1);
        backend.Fails();

        for (var i = 0; i < 5; i++)
        {
            (await Cancelled(pipe, backend, clientLeaves: true)).Should().Be("context deadline exceeded");
        }

        await Call(pipe);
        await Cancelled(pipe, backend, clientLeaves: true);
        (await Call(pipe)).Should().Be("invalid status code 500", "the abandoned call between two failures did not end their streak");
        (await Call(pipe)).Should().Be("circuit breaker is open");
        backend.Calls.Should().Be(8);
    }

    [Fact]
    public async Task A_deadline_is_the_backends_failure()
    {
        var (pipe, backend) = Breaker(maxErrors: 0);

        (await Cancelled(pipe, backend, clientLeaves: false)).Should().Be("context deadline exceeded");

        (await Call(pipe)).Should().Be("circuit breaker is open");
    }

    [Fact]
    public async Task A_probe_whose_client_went_away_lets_the_next_call_probe()
    {
        var (pipe, backend) = Breaker(maxErrors: 0, timeout: 1);
        backend.Fails();
        await Call(pipe);
        _time.Advance(TimeSpan.FromSeconds(2));

        await Cancelled(pipe, backend, clientLeaves: true);
        backend.Succeeds();

        (await Call(pipe)).Should().BeNull("the abandoned probe freed its place");
        backend.Calls.Should().Be(3);
    }

    [Fact]
    public async Task A_backend_that_throws_fails_and_the_exception_becomes_its_error()
    {
        var (pipe, backend) = Breaker(maxErrors: 0);
        backend.Answer = (_, _) => throw new InvalidOperationException("boom");

        (await Call(pipe)).Should().Be("boom");

        (await Call(pipe)).Should().Be("circuit breaker is open");
    }

    [Fact]
    public async Task A_result_that_arrives_after_the_breaker_opened_counts_for_nothing()
    {
        var (pipe, backend) = Breaker(maxErrors: 0, timeout: 5);
        var slowAnswer = new TaskCompletionSource<ProxyResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        backend.Answer = (_, _) => new ValueTask<ProxyResponse>(slowAnswer.Task);
        var slow = Call(pipe);
        backend.Fails();
        await Call(pipe);
        _time.Advance(TimeSpan.FromSeconds(6));

        slowAnswer.SetResult(Ok);
        await slow;
        backend.Succeeds();

        (await Call(pipe)).Should().BeNull("the late success neither closed the breaker nor took the probe's place");
        backend.Calls.Should().Be(3);
    }

    [Fact]
    public async Task Each_state_change_is_reported_once_in_order()
    {
        var changes = new List<string>();
        var breaker = new ResiliencePipelineBuilder<ProxyResponse> { TimeProvider = _time }
            .AddBackendCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                MaxErrors = 0,
                BreakDuration = TimeSpan.FromSeconds(1),
                OnStateChange = (from, to) => changes.Add($"{CircuitBreakerConstants.NameOf(from)} -> {CircuitBreakerConstants.NameOf(to)}"),
            })
            .Build();
        var failure = ProxyResponse.Failed("down");

        for (var i = 0; i < 3; i++)
        {
            await breaker.ExecuteAsync(_ => ValueTask.FromResult(failure));
        }

        _time.Advance(TimeSpan.FromSeconds(2));
        await breaker.ExecuteAsync(_ => ValueTask.FromResult(failure));
        _time.Advance(TimeSpan.FromSeconds(2));
        for (var i = 0; i < 3; i++)
        {
            await breaker.ExecuteAsync(_ => ValueTask.FromResult(Ok));
        }

        changes.Should().Equal(
            "closed -> open", "open -> half-open", "half-open -> open", "open -> half-open", "half-open -> closed");
    }

    [Fact]
    public void Invalid_options_are_refused_when_the_pipeline_is_built()
    {
        var build = () => new ResiliencePipelineBuilder<ProxyResponse>()
            .AddBackendCircuitBreaker(new CircuitBreakerStrategyOptions { MaxErrors = -1, BreakDuration = TimeSpan.Zero })
            .Build();

        build.Should().Throw<ValidationException>().Which.Message.Should().Contain("MaxErrors").And.Contain("BreakDuration");
    }
}
