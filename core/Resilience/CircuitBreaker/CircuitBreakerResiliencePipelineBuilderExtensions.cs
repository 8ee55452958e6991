using Polly;
using Switchyard.Core.Pipeline;

namespace Switchyard.Core.Resilience.CircuitBreaker;

/// <summary>Adds the backend circuit breaker to a Polly pipeline.</summary>
public static class CircuitBreakerResiliencePipelineBuilderExtensions
{
    /// <summary>
    /// Adds a <see cref="CircuitBreakerResilienceStrategy"/> with <paramref name="options"/> (validated once: an invalid
    /// value throws with every problem listed) on the builder's clock.
    /// </summary>
    public static ResiliencePipelineBuilder<ProxyResponse> AddBackendCircuitBreaker(
        this ResiliencePipelineBuilder<ProxyResponse> builder,
        CircuitBreakerStrategyOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        return builder.AddStrategy(context => new CircuitBreakerResilienceStrategy(options, context.TimeProvider), options);
    }
}
