using System.Collections.Concurrent;

namespace Switchyard.Core.Tests.FanOut.Celery;

/// <summary>What Celery emitted, seen on the broker independently of the fan-out agent.</summary>
internal interface ICeleryEventCapture : IAsyncDisposable
{
    /// <summary>Every event received, in arrival order.</summary>
    ConcurrentQueue<CeleryEvent> Events { get; }
}
