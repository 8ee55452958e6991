using System.Collections.Concurrent;
using System.Threading.Channels;
using Switchyard.Core.Agents;

namespace Switchyard.Core.FanOut;

/// <summary>
/// Posts a session's cut batches to the events API with up to <c>concurrency_pool_size</c> in flight, retrying a
/// refused or failed post with backoff until it is accepted or the session ends; what happens after acceptance (an
/// AMQP ack) is the session's. Batches wait in an unbounded queue: the AMQP broker bounds them by its prefetch, the
/// Redis session by taking the oldest waiting ones out (<see cref="TryTakeWaiting"/>).
/// </summary>
internal sealed class BatchPoster
{
    private readonly Subscription _subscription;
    private readonly EventApiClient _api;
    private readonly TimeProvider _time;
    private readonly Backoff _backoff;
    private readonly FanOutMeter _meter;
    private readonly Func<EventBatch, Task> _accepted;
    private readonly Func<string, Task> _failed;
    private readonly CancellationToken _ending;
    private readonly Channel<EventBatch> _waiting = Channel.CreateUnbounded<EventBatch>();
    private readonly ConcurrentQueue<EventBatch> _abandoned = new();
    private readonly Lock _lock = new();
    private int _waitingEvents;

    /// <param name="accepted">Runs once the API accepted a batch.</param>
    /// <param name="failed">Runs when posting failed for another reason than the API's answer (a bug): the session should end.</param>
    /// <param name="ending">Cancels the posts in flight when the session closes.</param>
    public BatchPoster(
        Subscription subscription, EventApiClient api, TimeProvider time, Backoff backoff, FanOutMeter meter,
        Func<EventBatch, Task> accepted, Func<string, Task> failed, CancellationToken ending)
    {
        _subscription = subscription;
        _api = api;
        _time = time;
        _backoff = backoff;
        _meter = meter;
        _accepted = accepted;
        _failed = failed;
        _ending = ending;
    }

    /// <summary>Completes when every sender stopped: the queue completed and drained, or the session cancelled.</summary>
    public Task Senders { get; private set; } = Task.CompletedTask;

    /// <summary>Events in the batches waiting for a sender.</summary>
    public int WaitingEvents
    {
        get
        {
            lock (_lock)
            {
                return _waitingEvents;
            }
        }
    }

    /// <summary>Why the last post failed; null once a post succeeded.</summary>
    public string? LastError { get; private set; }

    public void Start()
    {
        var senders = new Task[_subscription.ConcurrencyPoolSize];
        for (var i = 0; i < senders.Length; i++)
        {
            senders[i] = Task.Run(SendLoopAsync, CancellationToken.None);
        }

        Senders = Task.WhenAll(senders);
    }

    /// <summary>Queues a batch for the senders; false once <see cref="Complete"/> was called.</summary>
    public bool Enqueue(EventBatch batch)
    {
        lock (_lock)
        {
            if (!_waiting.Writer.TryWrite(batch))
            {
                return false;
            }

            _waitingEvents += batch.EventCount;
        }

        _meter.BatchCut();
        return true;
    }

    /// <summary>Takes the oldest waiting batch away from the senders (the caller accounts for it with <see cref="FanOutMeter.BatchDone"/>).</summary>
    public bool TryTakeWaiting(out EventBatch batch)
    {
        lock (_lock)
        {
            if (!_waiting.Reader.TryRead(out batch!))
            {
                return false;
            }

            _waitingEvents -= batch.EventCount;
            return true;
        }
    }

    /// <summary>No more batches: the senders end once the waiting ones are posted.</summary>
    public void Complete() => _waiting.Writer.TryComplete();

    /// <summary>
    /// Queues the batch <paramref name="batcher"/> is filling, takes no more, and waits up to <paramref name="grace"/>
    /// for every waiting batch to be accepted; false when the time ran out first (the API is still failing).
    /// </summary>
    public async Task<bool> FinishAsync(Batcher batcher, TimeSpan grace)
    {
        if (batcher.Drain() is { } last)
        {
            Enqueue(last);
        }

        Complete();
        try
        {
            await Senders.WaitAsync(grace, _time).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    /// <summary>Takes no more batches and waits for the senders, which the session's ending token stops.</summary>
    public async Task StoppedAsync()
    {
        Complete();
        try
        {
            await Senders.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The senders stop by cancellation.
        }
    }

    /// <summary>The batches that were being posted when the session was cancelled.</summary>
    public IReadOnlyCollection<EventBatch> Abandoned => _abandoned;

    private async Task SendLoopAsync()
    {
        try
        {
            while (await _waiting.Reader.WaitToReadAsync(_ending).ConfigureAwait(false))
            {
                while (TryTakeWaiting(out var batch))
                {
                    try
                    {
                        await DeliverAsync(batch).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException) when (_ending.IsCancellationRequested)
                    {
                        _abandoned.Enqueue(batch);
                        throw;
                    }
                    finally
                    {
                        _meter.BatchDone();
                    }
                }
            }
        }
        catch (OperationCanceledException) when (_ending.IsCancellationRequested)
        {
            // The session is closing: what is not accepted is the session's to settle.
        }
        catch (Exception exception)
        {
            // A bug must not leave batches held forever: the session starts over.
            _meter.Error("posting failed: " + exception.Message);
            await _failed("posting failed: " + exception.Message).ConfigureAwait(false);
        }
    }

    private async Task DeliverAsync(EventBatch batch)
    {
        using var span = FanOutBatchSpan.Start(_subscription, batch);
        var body = batch.ToJson(_subscription.Transform, _subscription.AppEnv, _time.GetUtcNow().ToUnixTimeMilliseconds());
        for (var attempt = 0; ; attempt++)
        {
            var result = await _api.PostAsync(_subscription, body, _ending).ConfigureAwait(false);
            if (result.Accepted)
            {
                LastError = null;
                _meter.Delivered(batch);
                await _accepted(batch).ConfigureAwait(false);
                return;
            }

            LastError = result.Error ?? "the events API refused the batch";
            _meter.Retried(LastError);
            FanOutBatchSpan.Refused(span, result, attempt + 1);
            await Task.Delay(_backoff.Delay(attempt), _time, _ending).ConfigureAwait(false);
        }
    }
}
