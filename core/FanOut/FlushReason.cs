namespace Switchyard.Core.FanOut;

/// <summary>Why a batch was cut.</summary>
public enum FlushReason
{
    /// <summary>It reached <c>batch_max_number_of_messages</c> events.</summary>
    Count,

    /// <summary>Its payload reached <c>batch_max_size_in_mb</c>.</summary>
    Size,

    /// <summary><c>batch_max_window_in_seconds</c> passed since its first event.</summary>
    Window,

    /// <summary>The subscription is stopping and sends what it holds.</summary>
    Stop,
}
