using Switchyard.Core.Configuration;
using Switchyard.Core.Encoding;
using Switchyard.Core.Pipeline;
using Switchyard.Core.Resilience.CircuitBreaker;
using Switchyard.Core.Resilience.RateLimit;
using Switchyard.Core.Telemetry;
using Switchyard.Testing;

namespace Switchyard.Core.Tests.Telemetry.Metrics;

/// <summary>A backend's circuit breaker and proxy rate limit in metrics, through pipes the factory builds against real backends.</summary>
public sealed class ResilienceMetricsTests
{
    private static readonly HttpMessageInvoker Client = BackendHttpClient.Create();

    private readonly string _unique = "r" + Guid.NewGuid().ToString("N")[..10];

    [Fact]
    public async Task A_breaker_that_opens_shows_state_2_and_counts_its_transition()
    {
        using var metrics = new RecordedMetrics(GatewayMetrics.MeterName);
        await using var failing = await TestBackend.StartAsync("{}", status: 500);
        var endpoint = Endpoint(new BackendConfig
        {
            Host = [failing.Host],
            UrlPattern = "/flaky",
            CircuitBreaker = new CircuitBreakerOptions { Interval = 60, Timeout = 60, MaxErrors = 0, Name = _unique },
        });
        var pipe = new ProxyFactory(Client, DecoderRegistry.Default).CreateEndpoint(endpoint);

        metrics.Of("switchyard.circuit_breaker.state", ("switchyard.circuit_breaker.name", _unique)).Should().ContainSingle().Which.Value.Should().Be(0);

        (await pipe(new ProxyRequest(), default)).Error!.Message.Should().Contain("invalid status code 500");
        (await pipe(new ProxyRequest(), default)).Error!.Message.Should().Be(CircuitBreakerConstants.OpenMessage);
        failing.Received.Should().HaveCount(1, "the open breaker keeps the second call from the backend");

        // A gauge is read at each look: the last reading is the state now.
        var state = metrics.Of("switchyard.circuit_breaker.state", ("switchyard.circuit_breaker.name", _unique))[^1];
        (state.Value, state.Unit, state["http.route"], state["krakend.endpoint.route"]).Should().Be((2, "{state}", "/flaky", $"/{_unique}"));
        var transition = metrics.Of("switchyard.circuit_breaker.transitions", ("switchyard.circuit_breaker.name", _unique)).Should().ContainSingle().Subject;
        (transition.Value, transition["switchyard.circuit_breaker.from"], transition["switchyard.circuit_breaker.to"]).Should().Be((1, "closed", "open"));
        GC.KeepAlive(pipe);
    }

    [Fact]
    public async Task A_call_the_proxy_rate_limit_refuses_is_counted_with_the_backends_route()
    {
        using var metrics = new RecordedMetrics(GatewayMetrics.MeterName);
        await using var backend = await TestBackend.StartAsync("{}");
        var endpoint = Endpoint(new BackendConfig
        {
            Host = [backend.Host],
            UrlPattern = "/items/{id}",
            RateLimit = new ProxyRateLimitOptions { MaxRate = 1, Capacity = 1, Every = TimeSpan.FromHours(1) },
        });
        var pipe = new ProxyFactory(Client, DecoderRegistry.Default).CreateEndpoint(endpoint);
        var request = new ProxyRequest { Params = new Dictionary<string, string> { ["Id"] = "7" } };

        (await pipe(request, default)).IsComplete.Should().BeTrue();
        (await pipe(request, default)).Error!.Message.Should().Be("rate limit exceded");

        var rejection = metrics.Of("switchyard.ratelimit.rejections", ("krakend.endpoint.route", $"/{_unique}")).Should().ContainSingle().Subject;
        rejection.Value.Should().Be(1);
        rejection.Tags.Should().Contain(new Dictionary<string, string>
        {
            ["switchyard.ratelimit.layer"] = "proxy", ["switchyard.ratelimit.scope"] = "global", ["http.route"] = "/items/:id", ["http.request.method"] = "GET",
        });
    }

    private EndpointConfig Endpoint(BackendConfig backend) => new() { Endpoint = $"/{_unique}", Backends = [backend] };
}
