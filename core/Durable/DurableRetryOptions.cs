namespace Switchyard.Core.Durable;

/// <summary>
/// A durable step's <c>retry</c>: how often, and how long apart, a failed backend call is made again before the step
/// fails for good. The waits are durable timers: a retry due in ten minutes still happens after a restart.
/// </summary>
public sealed record DurableRetryOptions
{
    /// <summary><c>max_attempts</c>: calls in all, the first included (1 to 100). <value>The default value is 3.</value></summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary><c>first_delay</c>: the wait before the second call. <value>The default value is 1 s.</value></summary>
    public TimeSpan FirstDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// <c>backoff_coefficient</c>: each wait is the previous one times this (1 to 10).
    /// <value>The default value is 2.</value>
    /// </summary>
    public double BackoffCoefficient { get; init; } = 2;

    /// <summary><c>max_delay</c>: no wait is longer. <value>The default value is 1 h.</value></summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromHours(1);

    /// <summary>
    /// <c>statuses</c>: the backend statuses worth another call. A call that got no answer at all (refused connection,
    /// timeout) is always worth one; any other failure (a 4xx outside the list, an answer that does not decode, a
    /// policy's refusal) is final. <value>The default value is 408, 429, 500, 502, 503 and 504.</value>
    /// </summary>
    public IReadOnlyList<int> Statuses { get; init; } = DefaultStatuses;

    /// <summary>The statuses retried when <c>statuses</c> is not given.</summary>
    public static IReadOnlyList<int> DefaultStatuses { get; } = [408, 429, 500, 502, 503, 504];

    /// <summary>The wait after failed attempt <paramref name="attempt"/> (1 for the first call).</summary>
    public TimeSpan DelayAfter(int attempt)
    {
        var delay = FirstDelay.TotalMilliseconds * Math.Pow(BackoffCoefficient, attempt - 1);
        return delay >= MaxDelay.TotalMilliseconds ? MaxDelay : TimeSpan.FromMilliseconds(delay);
    }
}
