using System.Threading.Channels;
using Switchyard.Core.Agents;

namespace Switchyard.Core.Tests.Agents.Amqp;

/// <summary>A message handler that settles each message with a test's choice and lets the test read what arrived.</summary>
internal sealed class DeliveryRecorder(Func<AgentMessage, ValueTask> settle)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly Channel<AgentMessage> _settled = Channel.CreateUnbounded<AgentMessage>();

    public static DeliveryRecorder Acking() => new(message => message.Settlement.AckAsync());

    public async Task HandleAsync(AgentMessage message, CancellationToken cancellationToken)
    {
        await settle(message);
        _settled.Writer.TryWrite(message);
    }

    /// <summary>The next message the handler settled, in order; fails the test after 10 s.</summary>
    public async Task<AgentMessage> NextAsync()
    {
        using var timeout = new CancellationTokenSource(Patience);
        try
        {
            return await _settled.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No message was handled within {Patience.TotalSeconds} s.");
        }
    }

    /// <summary>True when a further message was settled (without waiting).</summary>
    public bool HasMore => _settled.Reader.TryPeek(out _);
}
