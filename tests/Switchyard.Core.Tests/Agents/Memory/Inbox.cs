using System.Threading.Channels;
using Switchyard.Core.Agents;

namespace Switchyard.Core.Tests.Agents.Memory;

/// <summary>
/// A message handler for broker tests: it hands every delivery to the test and waits until the test settles it
/// through <see cref="Received"/> (a handler must not return before its message is settled).
/// </summary>
internal sealed class Inbox
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);
    private readonly Channel<Received> _received = Channel.CreateUnbounded<Received>();

    public MessageHandler Handler => async (message, cancellationToken) =>
    {
        var received = new Received(message);
        _received.Writer.TryWrite(received);
        try
        {
            await received.Settled.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }
    };

    public Task<Received> NextAsync() => _received.Reader.ReadAsync().AsTask().WaitAsync(Patience);

    /// <summary>True when nothing more arrives within a short while.</summary>
    public async Task<bool> StaysEmptyAsync()
    {
        await Task.Delay(150);
        return !_received.Reader.TryPeek(out _);
    }
}

internal sealed class Received(AgentMessage message)
{
    private readonly TaskCompletionSource _settled = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public AgentMessage Message { get; } = message;

    public string Body => System.Text.Encoding.UTF8.GetString(Message.Body.Span);

    public Task Settled => _settled.Task;

    public async Task AckAsync()
    {
        await Message.Settlement.AckAsync();
        _settled.TrySetResult();
    }

    public async Task NackAsync(bool requeue)
    {
        await Message.Settlement.NackAsync(requeue);
        _settled.TrySetResult();
    }

    public async Task DeadLetterAsync(string reason)
    {
        await Message.Settlement.DeadLetterAsync(reason);
        _settled.TrySetResult();
    }
}
