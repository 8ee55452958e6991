namespace Switchyard.Core.Agents;

/// <summary>What an <see cref="AgentRunner"/> needs besides its agent: clock, log, randomness.</summary>
public sealed record AgentRunnerOptions
{
    /// <summary>Time for backoff delays, timeouts, the rate limit and health pings. <value>The default value is <see cref="TimeProvider.System"/>.</value></summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Where events go. <value>The default value is null: nothing is logged.</value></summary>
    public AgentLog? Log { get; init; }

    /// <summary>Uniform numbers in [0, 1) for the backoff jitter. <value>The default value is <see cref="Random.Shared"/>.</value></summary>
    public Func<double>? Random { get; init; }
}
