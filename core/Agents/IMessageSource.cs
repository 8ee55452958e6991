namespace Switchyard.Core.Agents;

/// <summary>
/// A broker driver as the agent runner sees it: it connects, declares what the configuration asks for, and delivers
/// messages to a handler; the runner owns workers, rate, timeouts, settlement and reconnection.
/// </summary>
public interface IMessageSource : IAsyncDisposable
{
    /// <summary>
    /// Connects and starts delivering to <paramref name="handler"/>, at most <paramref name="prefetch"/> unsettled
    /// messages at a time. Throws when the broker cannot be reached (the runner retries with its backoff).
    /// </summary>
    Task StartAsync(MessageHandler handler, int prefetch, CancellationToken cancellationToken);

    /// <summary>Completes when the connection started by <see cref="StartAsync"/> is lost, with the reason.</summary>
    Task<string> Closed { get; }

    /// <summary>True when the broker answers now (the health ping).</summary>
    ValueTask<bool> PingAsync(CancellationToken cancellationToken);

    /// <summary>Stops taking new messages; messages already delivered can still be settled.</summary>
    Task StopConsumingAsync(CancellationToken cancellationToken);
}

/// <summary>Handles one delivered message; it must settle it (ack, nack or dead-letter) before returning.</summary>
public delegate Task MessageHandler(AgentMessage message, CancellationToken cancellationToken);
