using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;
using StackExchange.Redis;

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
        return subscription.Transport == BrokerTransport.Redis
            ? await CheckRedisAsync(subscription, cancellationToken).ConfigureAwait(false)
            : await CheckAmqpAsync(subscription, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Connects with the URL's credentials and sends PING: Redis checks the password when the connection authenticates.</summary>
    private static async Task<BrokerCheck> CheckRedisAsync(Subscription subscription, CancellationToken cancellationToken)
    {
        var options = RedisBrokerUrl.Parse(subscription.Broker).ClientOptions("switchyard-fanout-check::" + subscription.Name, Timeout);
        try
        {
            await using var redis = await ConnectionMultiplexer.ConnectAsync(options).WaitAsync(Timeout, cancellationToken).ConfigureAwait(false);
            await redis.GetDatabase().PingAsync().WaitAsync(Timeout, cancellationToken).ConfigureAwait(false);
            return BrokerCheck.Reachable;
        }
        catch (TimeoutException)
        {
            return BrokerCheck.Unreachable;
        }
        catch (RedisException exception)
        {
            return IsRefusal(exception) || exception.Message.StartsWith("WRONGPASS", StringComparison.Ordinal) || exception.Message.StartsWith("NOAUTH", StringComparison.Ordinal)
                ? BrokerCheck.CredentialsRefused
                : BrokerCheck.Unreachable;
        }
    }

    private static async Task<BrokerCheck> CheckAmqpAsync(Subscription subscription, CancellationToken cancellationToken)
    {
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
    /// <remarks>
    /// The Redis client reports a refused TLS handshake as an authentication failure too: that is the server's
    /// certificate refused by Switchyard, not the password refused by the server.
    /// </remarks>
    internal static bool IsRefusal(Exception exception)
    {
        if (TlsFailure(exception) is not null)
        {
            return false;
        }

        for (var inner = exception; inner is not null; inner = inner.InnerException)
        {
            if (inner is AuthenticationFailureException or PossibleAuthenticationFailureException
                or RedisConnectionException { FailureType: ConnectionFailureType.AuthenticationFailure })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The TLS handshake's failure among <paramref name="exception"/> and its causes, if any.</summary>
    internal static System.Security.Authentication.AuthenticationException? TlsFailure(Exception exception)
    {
        for (var inner = exception; inner is not null; inner = inner.InnerException)
        {
            if (inner is System.Security.Authentication.AuthenticationException tls)
            {
                return tls;
            }
        }

        return null;
    }
}
