namespace Switchyard.Core.FanOut;

/// <summary>Where a subscription's runner is.</summary>
public enum FanOutState
{
    /// <summary>Not started, or stopped.</summary>
    Stopped,

    /// <summary>Opening its first connection.</summary>
    Connecting,

    /// <summary>Consuming.</summary>
    Connected,

    /// <summary>Waiting (with backoff) to connect again after a failure or a lost connection.</summary>
    Reconnecting,
}
