namespace Switchyard.Core.Pipeline;

/// <summary>
/// Switchyard's <c>switchyard/hedging</c> on an endpoint, a workflow or an async agent: its backends' calls are hedged
/// (Dean and Barroso, "The Tail at Scale") instead of raced all at once. The first call goes at once; each further one
/// only when no earlier call has answered completely within <see cref="Delay"/> of the previous start, or at once when
/// one has failed. The first complete answer wins and the others are cancelled, as with <c>concurrent_calls</c>.
/// </summary>
public sealed record HedgingOptions
{
    /// <summary>
    /// <c>delay</c>: how long the latest call has to answer before the next one starts; more than zero and below the
    /// race's deadline (75% of the endpoint's timeout). A value between the backend's p90 and p95 latency hedges 5 to
    /// 10% of the calls.
    /// <value>There is no default value: it is required.</value>
    /// </summary>
    public TimeSpan Delay { get; init; }

    /// <summary>
    /// <c>max_calls</c>: calls per backend in all, the first included (2 to 5, the range of <c>concurrent_calls</c>).
    /// It replaces <c>concurrent_calls</c>, which may only be left out or say the same.
    /// <value>There is no default value: it is required.</value>
    /// </summary>
    public int MaxCalls { get; init; }
}
