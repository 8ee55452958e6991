using System.Globalization;
using StackExchange.Redis;

namespace Switchyard.Core.FanOut;

/// <summary>
/// A <c>redis://</c> or <c>rediss://</c> broker URL as kombu reads it: <c>redis://[user][:password]@host[:port][/database]</c>,
/// port 6379 by default, database 0 by default; <c>rediss</c> is TLS, with the server's certificate checked against the
/// system's trusted roots and the host name.
/// </summary>
/// <remarks>
/// kombu's query options (<c>?ssl_cert_reqs=...</c>, <c>?socket_timeout=...</c>) are refused rather than ignored, except
/// <c>ssl_cert_reqs=required</c> on <c>rediss</c>, which is what Switchyard does anyway: a URL that asks for an
/// unchecked certificate must not silently get a checked one, nor the reverse.
/// </remarks>
internal sealed record RedisBrokerUrl(string Host, int Port, string? User, string? Password, int Database, bool Tls)
{
    public const int DefaultPort = 6379;

    /// <summary>The URL's parts, or null with <paramref name="error"/> saying what is wrong (the password never in it).</summary>
    public static RedisBrokerUrl? Parse(string url, out string? error)
    {
        ArgumentNullException.ThrowIfNull(url);
        error = null;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != "redis" && uri.Scheme != "rediss") || uri.Host.Length == 0)
        {
            error = "must be a redis://[user:password@]host[:port][/database] URL";
            return null;
        }

        var tls = uri.Scheme == "rediss";
        if (uri.Query.Length > 1 && !(tls && uri.Query is "?ssl_cert_reqs=required" or "?ssl_cert_reqs=CERT_REQUIRED"))
        {
            error = "query options are not supported (only ssl_cert_reqs=required on rediss://, which is always applied)";
            return null;
        }

        if (uri.Fragment.Length > 0)
        {
            error = "must not have a fragment ('#')";
            return null;
        }

        var path = uri.AbsolutePath.Trim('/');
        var database = 0;
        if (path.Length > 0 && !int.TryParse(path, NumberStyles.None, CultureInfo.InvariantCulture, out database))
        {
            error = $"the path must be a database number, got '/{path}'";
            return null;
        }

        string? user = null;
        string? password = null;
        if (uri.UserInfo.Length > 0)
        {
            var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            user = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
            password = colon < 0 ? null : Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
            user = user.Length == 0 ? null : user;
        }

        return new RedisBrokerUrl(uri.IdnHost, uri.IsDefaultPort || uri.Port < 0 ? DefaultPort : uri.Port, user, password, database, tls);
    }

    /// <summary>The URL's parts; throws <see cref="SubscriptionException"/> when the URL is not valid (the parser checked it before).</summary>
    public static RedisBrokerUrl Parse(string url) =>
        Parse(url, out var error) ?? throw new SubscriptionException($"broker: {error}");

    /// <summary>
    /// The client's options: one connection attempt that fails at once (the runner owns the backoff), no admin
    /// commands, and none of the client's own channels or keys (tie-breaker, configuration broadcast), so a user
    /// restricted to publish/subscribe and the dead-letter list is enough.
    /// </summary>
    public ConfigurationOptions ClientOptions(string clientName, TimeSpan connectTimeout)
    {
        var options = new ConfigurationOptions
        {
            AbortOnConnectFail = true,
            ConnectRetry = 1,
            ConnectTimeout = (int)connectTimeout.TotalMilliseconds,
            SyncTimeout = (int)connectTimeout.TotalMilliseconds,
            AsyncTimeout = (int)connectTimeout.TotalMilliseconds,
            AllowAdmin = false,
            ClientName = clientName,
            TieBreaker = "",
            ConfigurationChannel = "",
            DefaultDatabase = Database,
            User = User,
            Password = Password,
            Ssl = Tls,
            SslHost = Tls ? Host : null,
        };
        options.EndPoints.Add(Host, Port);
        return options;
    }
}
