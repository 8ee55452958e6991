namespace Switchyard.Core.Agents;

/// <summary>The <c>connection</c> object of an agent.</summary>
public sealed record AgentConnectionOptions
{
    /// <summary>Connection attempts before giving up; zero or less retries forever. <value>The default value is 0.</value></summary>
    public int MaxRetries { get; init; }

    /// <summary>
    /// <c>linear</c>, <c>linear-jitter</c>, <c>exponential</c>, <c>exponential-jitter</c>, or anything else for a
    /// constant 1 s. <value>The default value is <c>fallback</c> (constant 1 s).</value>
    /// </summary>
    public string BackoffStrategy { get; init; } = "fallback";

    /// <summary>How often the broker is pinged for health, at least 1 s. <value>The default value is 1 s.</value></summary>
    public TimeSpan HealthInterval { get; init; } = TimeSpan.FromSeconds(1);
}
