using System.Diagnostics.CodeAnalysis;
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
    /// <remarks>
    /// Polly validates the options through their data annotations, by reflection over the options' members; the
    /// <see cref="DynamicDependencyAttribute"/> keeps every member of <see cref="CircuitBreakerStrategyOptions"/> through
    /// trimming, so the warning the call raises does not apply (Polly's own <c>AddRetry</c> and <c>AddTimeout</c> do the same).
    /// </remarks>
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(CircuitBreakerStrategyOptions))]
    [UnconditionalSuppressMessage("Trimming", "IL2026:RequiresUnreferencedCode", Justification = "Every member of the options is kept by the DynamicDependency.")]
    public static ResiliencePipelineBuilder<ProxyResponse> AddBackendCircuitBreaker(
        this ResiliencePipelineBuilder<ProxyResponse> builder,
        CircuitBreakerStrategyOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        return builder.AddStrategy(context => new CircuitBreakerResilienceStrategy(options, context.TimeProvider), options);
    }
}
