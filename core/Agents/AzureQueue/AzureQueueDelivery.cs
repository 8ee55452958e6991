using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;

namespace Switchyard.Core.Agents.AzureQueue;

/// <summary>
/// One received Storage queue message and the way to settle it, once. The message is invisible to other consumers
/// for its lease (its visibility timeout); while it is not settled the lease is renewed at half its length, so a
/// message that waits for a worker or the rate limit, or runs long, is never handed to a second consumer meanwhile.
/// Every renewal gives a new pop receipt, which settling needs: a gate keeps the two from crossing.
/// </summary>
/// <remarks>
/// Settling: ack deletes; a requeue makes the message visible again at once (the host's default
/// <c>visibilityTimeout</c> of 0), and the service counts its next receive; a discard deletes; a dead letter sends the
/// text unchanged to <c>&lt;queue&gt;-poison</c> (as the host does, so a message can be replayed as it was), then
/// deletes the original: a crash in between leaves a copy in both, never in neither.
/// </remarks>
internal sealed class AzureQueueDelivery : IMessageSettlement, IAsyncDisposable
{
    private readonly QueueClient _queue;
    private readonly AzureQueuePoison _poison;
    private readonly string _messageId;
    private readonly TimeSpan _lease;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly CancellationTokenSource _renewing = new();
    private string _popReceipt;
    private Task _renewal = Task.CompletedTask;
    private int _settled;

    public AzureQueueDelivery(QueueClient queue, AzureQueuePoison poison, QueueMessage message, TimeSpan lease, TimeProvider time)
    {
        (_queue, _poison, _lease, _time) = (queue, poison, lease, time);
        (_messageId, _popReceipt) = (message.MessageId, message.PopReceipt);
        Text = message.Body.ToString();
    }

    /// <summary>The message's text as the queue holds it.</summary>
    public string Text { get; }

    /// <summary>True once the message was acked, nacked or dead-lettered.</summary>
    public bool IsSettled => Volatile.Read(ref _settled) != 0;

    /// <summary>Starts renewing the lease in the background until the message is settled or this is disposed.</summary>
    public void StartRenewing() => _renewal = Task.Run(RenewAsync);

    public ValueTask AckAsync() => SettleAsync(DeleteAsync);

    public ValueTask NackAsync(bool requeue) => SettleAsync(requeue ? ReleaseAsync : DeleteAsync);

    public ValueTask DeadLetterAsync(string reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        return SettleAsync(async popReceipt =>
        {
            await _poison.SendAsync(Text).ConfigureAwait(false);
            await DeleteAsync(popReceipt).ConfigureAwait(false);
        });
    }

    /// <summary>Stops renewing: an unsettled message becomes visible again when its lease ends.</summary>
    public async ValueTask DisposeAsync()
    {
        await _renewing.CancelAsync().ConfigureAwait(false);
        await _renewal.ConfigureAwait(false);
        _renewing.Dispose();
        _gate.Dispose();
    }

    private async ValueTask SettleAsync(Func<string, Task> settle)
    {
        if (Interlocked.Exchange(ref _settled, 1) != 0)
        {
            throw new InvalidOperationException($"The message '{_messageId}' was already settled.");
        }

        await _renewing.CancelAsync().ConfigureAwait(false);
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            await settle(_popReceipt).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    private Task DeleteAsync(string popReceipt) => _queue.DeleteMessageAsync(_messageId, popReceipt);

    private Task ReleaseAsync(string popReceipt) => _queue.UpdateMessageAsync(_messageId, popReceipt, visibilityTimeout: TimeSpan.Zero);

    private async Task RenewAsync()
    {
        var token = _renewing.Token;
        try
        {
            while (true)
            {
                await Task.Delay(_lease / 2, _time, token).ConfigureAwait(false);
                await _gate.WaitAsync(token).ConfigureAwait(false);
                try
                {
                    token.ThrowIfCancellationRequested();
                    var receipt = await _queue.UpdateMessageAsync(_messageId, _popReceipt, visibilityTimeout: _lease, cancellationToken: token)
                        .ConfigureAwait(false);
                    _popReceipt = receipt.Value.PopReceipt;
                }
                finally
                {
                    _gate.Release();
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception)
        {
            // Storage unreachable, or the lease already ended (the message went to another consumer): settling will
            // fail the same way and be logged there; the message is delivered again, at least once.
        }
    }
}
