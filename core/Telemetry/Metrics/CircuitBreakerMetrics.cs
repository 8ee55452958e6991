using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Switchyard.Core.Resilience.CircuitBreaker;

namespace Switchyard.Core.Telemetry.Metrics;

/// <summary>
/// A backend's circuit breaker in metrics: <c>switchyard.circuit_breaker.state</c>, a gauge of each breaker's state
/// (0 closed, 1 half-open, 2 open), and <c>switchyard.circuit_breaker.transitions</c>, a counter of its state changes
/// labelled <c>switchyard.circuit_breaker.from</c> and <c>.to</c>. Both carry the breaker's configured
/// <c>switchyard.circuit_breaker.name</c> and the backend's labels (<see cref="BackendRoute"/>).
/// </summary>
/// <remarks>
/// As the breaker itself, the state moves from open to half-open at the first call after the break, so the gauge
/// shows a breaker open until a call finds its break over.
/// </remarks>
internal sealed class CircuitBreakerMetrics
{
    private static readonly Counter<long> Transitions = GatewayMetrics.Meter.CreateCounter<long>(
        "switchyard.circuit_breaker.transitions", "{transition}", "State changes of the backends' circuit breakers.");

    // The breakers alive, watched weakly: a pipe rebuilt or a test's gateway gone takes its breaker out of the gauge.
    private static readonly ConcurrentDictionary<WeakReference<CircuitBreakerMetrics>, byte> Live = new();

    private static readonly ObservableGauge<int> State = GatewayMetrics.Meter.CreateObservableGauge(
        "switchyard.circuit_breaker.state", Observe, "{state}", "The state of each backend's circuit breaker: 0 closed, 1 half-open, 2 open.");

    private readonly KeyValuePair<string, object?>[] _tags;
    private int _state;

    private CircuitBreakerMetrics(KeyValuePair<string, object?>[] tags) => _tags = tags;

    /// <summary>The metrics of the breaker <paramref name="name"/> of <paramref name="route"/>, in its gauge from now on.</summary>
    public static CircuitBreakerMetrics For(string name, BackendRoute route)
    {
        var metrics = new CircuitBreakerMetrics([new("switchyard.circuit_breaker.name", name), .. route.Tags]);
        Live.TryAdd(new WeakReference<CircuitBreakerMetrics>(metrics), 0);
        return metrics;
    }

    /// <summary>Records a state change (the breaker's <see cref="CircuitBreakerStrategyOptions.OnStateChange"/>).</summary>
    public void Changed(CircuitState from, CircuitState to)
    {
        Volatile.Write(ref _state, Code(to));
        if (Transitions.Enabled)
        {
            Transitions.Add(1, [.. _tags, new("switchyard.circuit_breaker.from", Name(from)), new("switchyard.circuit_breaker.to", Name(to))]);
        }
    }

    private static IEnumerable<Measurement<int>> Observe()
    {
        foreach (var reference in Live.Keys)
        {
            if (reference.TryGetTarget(out var breaker))
            {
                yield return new Measurement<int>(Volatile.Read(ref breaker._state), breaker._tags);
            }
            else
            {
                Live.TryRemove(reference, out _);
            }
        }
    }

    private static int Code(CircuitState state) => state switch
    {
        CircuitState.Closed => 0,
        CircuitState.HalfOpen => 1,
        _ => 2,
    };

    private static string Name(CircuitState state) => state switch
    {
        CircuitState.Closed => "closed",
        CircuitState.HalfOpen => "half_open",
        _ => "open",
    };
}
