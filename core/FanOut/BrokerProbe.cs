using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Switchyard.Core.FanOut;

/// <summary>
/// Checks that a subscription's broker accepts a connection with its credentials before the subscription is saved,
/// so a typo is refused at once rather than showing up later as a runner that never connects.
/// </summary>
public static class BrokerProbe
{
    /// <summary>How long one check may take.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public static async Task<BrokerCheck> CheckAsync(Subscription subscription, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        var factory = new ConnectionFactory
        {
            Uri = new Uri(subscription.Broker),
            AutomaticRecoveryEnabled = false,
            RequestedConnectionTimeout = Timeout,
            ClientProvidedName = "switchyard-fanout-check::" + subscription.Name,
        };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            var connection = await factory.CreateConnectionAsync(timeout.Token).ConfigureAwait(false);
            await Agents.Amqp.AmqpClosing.CloseQuietlyAsync(connection).ConfigureAwait(false);
            return BrokerCheck.Reachable;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return BrokerCheck.Unreachable;
        }
        catch (Exception exception) when (exception is BrokerUnreachableException or AuthenticationFailureException or PossibleAuthenticationFailureException or IOException or System.Net.Sockets.SocketException)
        {
            return IsRefusal(exception) ? BrokerCheck.CredentialsRefused : BrokerCheck.Unreachable;
        }
    }

    /// <summary>True when <paramref name="exception"/> or one of its causes is the broker refusing the credentials.</summary>
    internal static bool IsRefusal(Exception exception)
    {
        for (var inner = exception; inner is not null; inner = inner.InnerException)
        {
            if (inner is AuthenticationFailureException or PossibleAuthenticationFailureException)
            {
                return true;
            }
        }

        return false;
    }
}
