using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Switchyard.Core.Agents.Amqp;

/// <summary>Closing channels and connections that may already be closed by the broker or the network.</summary>
internal static class AmqpClosing
{
    public static async ValueTask CloseQuietlyAsync(IChannel channel)
    {
        try
        {
            if (channel.IsOpen)
            {
                await channel.CloseAsync().ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (IsConnectionLoss(exception))
        {
            // Already gone: nothing left to close.
        }

        await channel.DisposeAsync().ConfigureAwait(false);
    }

    public static async ValueTask CloseQuietlyAsync(IConnection connection)
    {
        try
        {
            if (connection.IsOpen)
            {
                await connection.CloseAsync().ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (IsConnectionLoss(exception))
        {
            // Already gone: nothing left to close.
        }

        await connection.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>The errors that mean the channel or connection is already closed or unreachable.</summary>
    public static bool IsConnectionLoss(Exception exception) =>
        exception is AlreadyClosedException or OperationInterruptedException or IOException or ObjectDisposedException
            or System.Net.Sockets.SocketException or TimeoutException;
}
