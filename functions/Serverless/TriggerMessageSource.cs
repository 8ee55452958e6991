using Switchyard.Core.Agents;

namespace Switchyard.Functions.Serverless;

/// <summary>
/// One "connection" of an agent's runner to its <see cref="TriggerFeed"/>. The host is always there while the handler
/// runs, so the connection is never lost: it only ends when the runner stops it.
/// </summary>
internal sealed class TriggerMessageSource(TriggerFeed feed) : IMessageSource
{
    private readonly TaskCompletionSource<string> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _consuming = new();
    private int _state;

    public Task<string> Closed => _closed.Task;

    public Task StartAsync(MessageHandler handler, int prefetch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        cancellationToken.ThrowIfCancellationRequested();
        if (Interlocked.CompareExchange(ref _state, 1, 0) != 0)
        {
            throw new InvalidOperationException("A message source is started once; make a new one to reconnect.");
        }

        feed.Attach(handler, _consuming.Token);
        return Task.CompletedTask;
    }

    public ValueTask<bool> PingAsync(CancellationToken cancellationToken) => ValueTask.FromResult(Volatile.Read(ref _state) == 1);

    /// <summary>New invocations wait for the next connection; the ones already handed over finish (the drain).</summary>
    public Task StopConsumingAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.CompareExchange(ref _state, 2, 1) == 1)
        {
            feed.Detach();
        }

        return Task.CompletedTask;
    }

    /// <summary>Ends the connection: messages still in the pipe are cancelled and given back (their invocations fail).</summary>
    public async ValueTask DisposeAsync()
    {
        await StopConsumingAsync(CancellationToken.None).ConfigureAwait(false);
        Volatile.Write(ref _state, 2);
        await _consuming.CancelAsync().ConfigureAwait(false);
        _closed.TrySetResult("closed by the agent");
    }
}
