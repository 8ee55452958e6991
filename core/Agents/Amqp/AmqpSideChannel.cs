using RabbitMQ.Client;

namespace Switchyard.Core.Agents.Amqp;

/// <summary>
/// A second channel on the agent's connection, with publisher confirms, for what must never disturb the consuming
/// channel: a failed passive declare (the health ping) or a refused declare closes the channel it ran on, and a
/// closed consuming channel would stop the agent. It is opened again when the broker closed it.
/// </summary>
internal sealed class AmqpSideChannel(IConnection connection) : IAsyncDisposable
{
    private static readonly CreateChannelOptions ConfirmedPublishing = new(
        publisherConfirmationsEnabled: true,
        publisherConfirmationTrackingEnabled: true);

    private readonly SemaphoreSlim _opening = new(1, 1);
    private IChannel? _channel;

    /// <summary>True when the queue exists now (a passive declare).</summary>
    public async ValueTask<bool> QueueExistsAsync(string queue, CancellationToken cancellationToken)
    {
        var channel = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await channel.QueueDeclarePassiveAsync(queue, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// Publishes straight to <paramref name="queue"/> (default exchange, mandatory) and returns once the broker has
    /// confirmed it; throws when the broker refused or could not route it. The queue is declared durable first when
    /// <paramref name="declareDurable"/> is set.
    /// </summary>
    public async ValueTask PublishToQueueAsync(
        string queue,
        BasicProperties properties,
        ReadOnlyMemory<byte> body,
        bool declareDurable,
        CancellationToken cancellationToken)
    {
        var channel = await OpenAsync(cancellationToken).ConfigureAwait(false);
        if (declareDurable)
        {
            await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, cancellationToken: cancellationToken)
                .ConfigureAwait(false);
        }

        await channel.BasicPublishAsync("", queue, mandatory: true, properties, body, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (_channel is { } channel)
        {
            await AmqpClosing.CloseQuietlyAsync(channel).ConfigureAwait(false);
        }

        _opening.Dispose();
    }

    private async ValueTask<IChannel> OpenAsync(CancellationToken cancellationToken)
    {
        if (_channel is { IsOpen: true } open)
        {
            return open;
        }

        await _opening.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_channel is { IsOpen: true } openedMeanwhile)
            {
                return openedMeanwhile;
            }

            if (_channel is { } closed)
            {
                await closed.DisposeAsync().ConfigureAwait(false);
            }

            _channel = await connection.CreateChannelAsync(ConfirmedPublishing, cancellationToken).ConfigureAwait(false);
            return _channel;
        }
        finally
        {
            _opening.Release();
        }
    }
}
