using Switchyard.Core.Agents;

namespace Switchyard.Functions.Serverless;

/// <summary>
/// The broker of an agent fed by a Functions trigger: the host. Invocations are delivered to the handler of the agent's
/// runner, which treats them as any delivery (workers, rate limit, timeout, <c>max_deliveries</c>, health counters);
/// the runner "connects" through <see cref="Connect"/>. An invocation that comes before the runner is connected waits
/// for it; one that comes after the runner stopped consuming is refused at once.
/// </summary>
internal sealed class TriggerFeed
{
    private readonly Lock _gate = new();
    private TaskCompletionSource<Consumer?> _consumer = NewConsumer();

    /// <summary>The runner's connection factory: a source that takes this feed's invocations while it is started.</summary>
    public IMessageSource Connect() => new TriggerMessageSource(this);

    /// <summary>
    /// Hands <paramref name="message"/> to the agent and completes once it is settled; false, without handing it
    /// over, when the agent stopped consuming. Throws <see cref="OperationCanceledException"/> when
    /// <paramref name="aborted"/> fires before the runner takes it.
    /// </summary>
    public async Task<bool> DeliverAsync(AgentMessage message, CancellationToken aborted)
    {
        Task<Consumer?> waiting;
        lock (_gate)
        {
            waiting = _consumer.Task;
        }

        if (await waiting.WaitAsync(aborted).ConfigureAwait(false) is not { } consumer)
        {
            return false;
        }

        // The runner reads this token as "the connection": a stop or an abandoned invocation gives the message back.
        using var connection = CancellationTokenSource.CreateLinkedTokenSource(consumer.Consuming, aborted);
        await consumer.Handler(message, connection.Token).ConfigureAwait(false);
        return true;
    }

    internal void Attach(MessageHandler handler, CancellationToken consuming)
    {
        lock (_gate)
        {
            if (_consumer.Task.IsCompleted)
            {
                _consumer = NewConsumer();
            }

            _consumer.SetResult(new Consumer(handler, consuming));
        }
    }

    /// <summary>The runner stopped consuming: invocations are refused until it attaches again.</summary>
    internal void Detach()
    {
        lock (_gate)
        {
            if (_consumer.Task.IsCompleted)
            {
                _consumer = NewConsumer();
            }

            _consumer.SetResult(null);
        }
    }

    private static TaskCompletionSource<Consumer?> NewConsumer() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private sealed record Consumer(MessageHandler Handler, CancellationToken Consuming);
}
