namespace Switchyard.Core.Agents;

/// <summary>
/// The delay before a connection attempt, by <c>backoff_strategy</c> (KrakenD's table, attempt index i from 0):
/// <c>linear</c> i s; <c>linear-jitter</c> i s ±33% (at least 1 ms); <c>exponential</c> 2^i s;
/// <c>exponential-jitter</c> 2^i s ±33%; anything else a constant 1 s.
/// </summary>
/// <remarks>
/// KrakenD lets the delay grow without bound; with <c>max_retries</c> ≤ 0 (forever) that would leave an agent asleep for
/// hours after a long outage. Switchyard caps the base delay at <see cref="MaxDelay"/> (2^7 s): the attempt index stops
/// growing at 7 for <c>exponential</c> and at 128 for <c>linear</c>, so an agent notices a recovered broker within about
/// two minutes (±33% with jitter).
/// </remarks>
public sealed class Backoff
{
    /// <summary>The largest base delay, before jitter: 2^<see cref="MaxExponent"/> seconds.</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(1 << MaxExponent);

    /// <summary>The largest exponent of the exponential strategies.</summary>
    public const int MaxExponent = 7;

    /// <summary>The largest share of the base delay that jitter adds or subtracts.</summary>
    public const double JitterShare = 0.33;

    private static readonly TimeSpan MinJitteredDelay = TimeSpan.FromMilliseconds(1);

    private readonly Func<int, TimeSpan> _baseDelay;
    private readonly bool _jitter;
    private readonly Func<double> _random;

    /// <summary>Creates the backoff of <paramref name="strategy"/>.</summary>
    /// <param name="strategy">The <c>backoff_strategy</c> text, matched case-insensitively.</param>
    /// <param name="random">A uniform number in [0, 1) per call, for the jitter. <value>The default value is <see cref="Random.Shared"/>.</value></param>
    public Backoff(string? strategy, Func<double>? random = null)
    {
        _random = random ?? Random.Shared.NextDouble;
        (_baseDelay, _jitter) = strategy?.ToLowerInvariant() switch
        {
            "linear" => (Linear, false),
            "linear-jitter" => (Linear, true),
            "exponential" => (Exponential, false),
            "exponential-jitter" => (Exponential, true),
            _ => ((Func<int, TimeSpan>)Constant, false),
        };
    }

    /// <summary>The delay before attempt <paramref name="attempt"/> (0 for the first).</summary>
    public TimeSpan Delay(int attempt)
    {
        var delay = _baseDelay(Math.Max(0, attempt));
        if (!_jitter)
        {
            return delay;
        }

        // A uniform factor in [1 - 33%, 1 + 33%): agents that lost the same broker do not all come back at once.
        var factor = 1 + (JitterShare * ((2 * _random()) - 1));
        var jittered = TimeSpan.FromTicks((long)(delay.Ticks * factor));
        return jittered < MinJitteredDelay ? MinJitteredDelay : jittered;
    }

    private static TimeSpan Linear(int attempt) => TimeSpan.FromSeconds(Math.Min(attempt, MaxDelay.TotalSeconds));

    private static TimeSpan Exponential(int attempt) => TimeSpan.FromSeconds(1 << Math.Min(attempt, MaxExponent));

    private static TimeSpan Constant(int attempt) => TimeSpan.FromSeconds(1);
}
