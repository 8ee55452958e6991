namespace Switchyard.Core.FanOut;

/// <summary>One connection of a subscription to its broker, receiving, batching and posting events until it is lost or stopped.</summary>
internal interface IFanOutSession : IAsyncDisposable
{
    /// <summary>The batch being filled.</summary>
    Batcher Batcher { get; }

    /// <summary>Completes with the reason when the connection is lost.</summary>
    Task<string> Closed { get; }

    /// <summary>
    /// True when the broker delivers again what was not settled before a loss (AMQP), so nothing held needs to be sent
    /// then; false when what is held exists nowhere else (Redis publish/subscribe), so it is sent before reconnecting.
    /// </summary>
    bool RedeliversAfterLoss { get; }

    /// <summary>Stops receiving, sends the batch being filled and waits up to <paramref name="grace"/> for the batches in flight.</summary>
    Task StopAsync(TimeSpan grace);
}
