using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;

namespace Switchyard.Core.Agents.AzureQueue;

/// <summary>
/// The <c>async/azure-queue</c> driver when no Functions host feeds the agent: polls one Azure Storage queue with
/// Azure.Storage.Queues, as the host's <c>queueTrigger</c> does, and hands each message to the runner.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="StartAsync"/> finds the account from the <c>connection</c> app setting (<see cref="AzureQueueAccount"/>)
/// and creates the queue when missing (an unreachable account throws: the runner retries with its backoff). A poll
/// receives as many messages as the runner has free slots (its prefetch, at most 32 a request); an empty queue is
/// polled again after 100 ms, doubling up to <c>max_polling_interval</c>. A failed poll (after the SDK's own short
/// retries) completes <see cref="Closed"/>: the runner reconnects with its backoff.
/// </para>
/// <para>
/// The lease: a message is received invisible for <see cref="LeaseOf"/> = the agent's per-message timeout + 10 s, and
/// renewed at half that while unsettled (<see cref="AzureQueueDelivery"/>). The runner ends a message within its timeout,
/// so most messages settle inside their first lease and cost no renewal; the renewal covers the time a message waits
/// for a worker or the rate limit, which no timeout bounds. A gateway that dies leaves its messages invisible for one
/// lease at most, not the host's 10 minutes, before another consumer gets them.
/// </para>
/// <para>
/// The message: its id, no routing key, no headers (a Storage message has none), the service's dequeue count as the
/// delivery count, and the body decoded from base64 unless <c>message_encoding</c> is <c>none</c> (then the text's
/// UTF-8). A text that is not base64 can never be processed: it goes to <c>&lt;queue&gt;-poison</c> at once, as the
/// host's extension does.
/// </para>
/// </remarks>
public sealed class AzureQueueMessageSource : IMessageSource
{
    /// <summary>The most messages one request receives (the service's limit).</summary>
    public const int MaxBatch = 32;

    /// <summary>The lease added to the per-message timeout, so a message that took its whole timeout can still be settled.</summary>
    public static readonly TimeSpan LeaseMargin = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan MinPollingInterval = TimeSpan.FromMilliseconds(100);

    // An agent without a timeout still needs a lease; renewal keeps it as long as the message needs.
    private static readonly TimeSpan UnboundedMessageLease = TimeSpan.FromSeconds(30);

    // The SDK retries a failed request itself; a few quick tries, then the runner's backoff takes over.
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    private readonly string _agentName;
    private readonly AzureQueueDriverOptions _options;
    private readonly TimeSpan _lease;
    private readonly TimeProvider _time;
    private readonly AgentLog? _log;
    private readonly CancellationTokenSource _disposing = new();
    private readonly CancellationTokenSource _polling = new();
    private readonly TaskCompletionSource<string> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private QueueClient? _queue;
    private Task _poll = Task.CompletedTask;
    private int _disposed;

    /// <summary>A driver for <paramref name="agent"/>, which must have <see cref="AsyncAgentConfig.AzureQueue"/> options.</summary>
    /// <param name="agent">The agent.</param>
    /// <param name="time">The clock of polling delays and lease renewals.</param>
    /// <param name="log">Where a message that cannot be decoded is reported.</param>
    public AzureQueueMessageSource(AsyncAgentConfig agent, TimeProvider? time = null, AgentLog? log = null)
    {
        ArgumentNullException.ThrowIfNull(agent);
        _options = agent.AzureQueue ?? throw new ArgumentException($"Agent '{agent.Name}' has no async/azure-queue options.", nameof(agent));
        _agentName = agent.Name;
        _lease = LeaseOf(agent.Consumer.Timeout);
        _time = time ?? TimeProvider.System;
        _log = log;
    }

    /// <inheritdoc/>
    public Task<string> Closed => _closed.Task;

    /// <summary>The visibility timeout a message is received and renewed with, from the agent's per-message timeout.</summary>
    public static TimeSpan LeaseOf(TimeSpan messageTimeout) =>
        (messageTimeout > TimeSpan.Zero && messageTimeout < TimeSpan.FromDays(6) ? messageTimeout : UnboundedMessageLease) + LeaseMargin;

    /// <summary>The client options of every driver: a service version Azurite knows too, and short SDK retries.</summary>
    public static QueueClientOptions ClientOptions()
    {
        var options = new QueueClientOptions(QueueClientOptions.ServiceVersion.V2026_06_06) { MessageEncoding = QueueMessageEncoding.None };
        options.Retry.MaxRetries = 2;
        options.Retry.Delay = TimeSpan.FromMilliseconds(200);
        options.Retry.NetworkTimeout = RequestTimeout;
        return options;
    }

    /// <inheritdoc/>
    public async Task StartAsync(MessageHandler handler, int prefetch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (_queue is not null)
        {
            throw new InvalidOperationException("A message source is started once; make a new one to reconnect.");
        }

        var service = AzureQueueAccount.Connect(_options.Connection, ClientOptions());
        var queue = service.GetQueueClient(_options.Queue);
        await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var poison = new AzureQueuePoison(service.GetQueueClient(_options.Queue + AzureQueueDriverOptions.PoisonQueueSuffix));
        _queue = queue;
        _poll = Task.Run(() => PollAsync(queue, poison, handler, Math.Max(1, prefetch)), CancellationToken.None);
    }

    /// <inheritdoc/>
    public async ValueTask<bool> PingAsync(CancellationToken cancellationToken)
    {
        if (_queue is not { } queue || _closed.Task.IsCompleted)
        {
            return false;
        }

        try
        {
            // Also false when the queue was deleted.
            await queue.GetPropertiesAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException)
        {
            return false;
        }
    }

    /// <inheritdoc/>
    public async Task StopConsumingAsync(CancellationToken cancellationToken)
    {
        await _polling.CancelAsync().ConfigureAwait(false);
        await _poll.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Stops polling and cancels the handlers still running; a message left unsettled becomes visible again when its
    /// lease ends.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _polling.CancelAsync().ConfigureAwait(false);
        await _disposing.CancelAsync().ConfigureAwait(false);
        await _poll.ConfigureAwait(false);
        _closed.TrySetResult("closed by the agent");
    }

    private async Task PollAsync(QueueClient queue, AzureQueuePoison poison, MessageHandler handler, int prefetch)
    {
        var token = _polling.Token;

        // Not disposed: a delivery may still release its slot after the source is closed.
        var slots = new SemaphoreSlim(prefetch, prefetch);
        var idle = MinPollingInterval;
        try
        {
            while (true)
            {
                await slots.WaitAsync(token).ConfigureAwait(false);
                var free = 1;
                while (free < MaxBatch && slots.Wait(0))
                {
                    free++;
                }

                QueueMessage[] messages;
                try
                {
                    messages = (await queue.ReceiveMessagesAsync(free, _lease, token).ConfigureAwait(false)).Value;
                }
                catch (Exception exception) when (!token.IsCancellationRequested)
                {
                    slots.Release(free);
                    _closed.TrySetResult("receiving failed: " + FirstLine(exception.Message));
                    return;
                }
                catch
                {
                    slots.Release(free);
                    throw;
                }

                if (messages.Length < free)
                {
                    slots.Release(free - messages.Length);
                }

                foreach (var message in messages)
                {
                    _ = DeliverAsync(queue, poison, handler, message, slots);
                }

                if (messages.Length > 0)
                {
                    idle = MinPollingInterval;
                    continue;
                }

                await Task.Delay(idle, _time, token).ConfigureAwait(false);
                idle = idle * 2 < _options.MaxPollingInterval ? idle * 2 : _options.MaxPollingInterval;
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Stopped: messages received and not yet settled stay with their handlers, which settle them.
        }
    }

    private async Task DeliverAsync(QueueClient queue, AzureQueuePoison poison, MessageHandler handler, QueueMessage received, SemaphoreSlim slots)
    {
        await Task.Yield();
        var delivery = new AzureQueueDelivery(queue, poison, received, _lease, _time);
        try
        {
            delivery.StartRenewing();
            if (!TryDecode(delivery.Text, out var body))
            {
                await delivery.DeadLetterAsync("message is not base64").ConfigureAwait(false);
                Log(AgentLogLevel.Warning, $"message '{received.MessageId}' moved to {poison.Name}: its text is not base64 (set message_encoding to none for plain text)");
                return;
            }

            var message = new AgentMessage
            {
                Id = received.MessageId,
                Body = body,
                DeliveryCount = (int)Math.Clamp(received.DequeueCount, 1, int.MaxValue),
                Settlement = delivery,
            };
            try
            {
                await handler(message, _disposing.Token).ConfigureAwait(false);
            }
            finally
            {
                if (!delivery.IsSettled)
                {
                    // A handler that failed or forgot to settle: the message goes back at once rather than after its lease.
                    await delivery.NackAsync(requeue: true).ConfigureAwait(false);
                }
            }
        }
        catch (Exception exception)
        {
            // Settling failed (storage unreachable, lease lost): the message is delivered again when its lease ends.
            Log(AgentLogLevel.Warning, $"message '{received.MessageId}': {FirstLine(exception.Message)}");
        }
        finally
        {
            await delivery.DisposeAsync().ConfigureAwait(false);
            slots.Release();
        }
    }

    private bool TryDecode(string text, out ReadOnlyMemory<byte> body)
    {
        if (_options.MessageEncoding == AzureQueueMessageEncoding.None)
        {
            body = System.Text.Encoding.UTF8.GetBytes(text);
            return true;
        }

        var bytes = new byte[text.Length * 3 / 4 + 3];
        var decoded = Convert.TryFromBase64String(text, bytes, out var written);
        body = decoded ? bytes.AsMemory(0, written) : ReadOnlyMemory<byte>.Empty;
        return decoded;
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();

    private void Log(AgentLogLevel level, string message) => _log?.Invoke(level, _agentName, message, null);
}
