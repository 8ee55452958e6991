namespace Switchyard.Core.Agents;

/// <summary>
/// Counts an agent's connection attempts as KrakenD does: every failed attempt or short-lived connection moves to the
/// next attempt; a connection that lived longer than <see cref="LongLived"/> proves the broker was fine, so the count
/// starts over (the next delay uses attempt 1). Past <c>max_retries</c> (when it is positive) the agent gives up.
/// </summary>
/// <param name="maxRetries">The <c>max_retries</c>: retries after the first attempt; zero or less retries forever.</param>
internal sealed class ReconnectAttempts(int maxRetries)
{
    /// <summary>How long a connection must have lived to reset the count.</summary>
    public static readonly TimeSpan LongLived = TimeSpan.FromSeconds(5);

    /// <summary>The index of the next attempt, 0 for the first; the backoff's input.</summary>
    public int Attempt { get; private set; }

    /// <summary>True when the next attempt would exceed <c>max_retries</c> (KrakenD makes max_retries + 1 attempts).</summary>
    public bool Exhausted => maxRetries > 0 && Attempt > maxRetries;

    /// <summary>The attempt could not connect.</summary>
    public void Failed() => Attempt++;

    /// <summary>A connection was lost after living <paramref name="lived"/>.</summary>
    public void Lost(TimeSpan lived) => Attempt = lived > LongLived ? 1 : Attempt + 1;
}
