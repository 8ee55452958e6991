using Switchyard.Core.Configuration;

namespace Switchyard.Core.Durable;

/// <summary>
/// A backend's <c>switchyard/durable</c> inside a durable pipe: what makes its step survive failure. Outside a durable
/// pipe it would never run, so it is a configuration error there.
/// </summary>
public sealed record DurableStepOptions
{
    /// <summary><c>retry</c>: calls made again, with durable waits, before the step fails for good; null for one call.</summary>
    public DurableRetryOptions? Retry { get; init; }

    /// <summary>
    /// <c>compensate</c>: a backend called to undo this step when a later step of the same flow fails for good (the
    /// saga); compensations run in the reverse order the steps completed. Null for none.
    /// </summary>
    public BackendConfig? Compensate { get; init; }
}
