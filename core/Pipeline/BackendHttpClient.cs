using System.Net;
using Switchyard.Core.Configuration;
using Switchyard.Core.Security.Tls;

namespace Switchyard.Core.Pipeline;

/// <summary>The one HTTP client every backend call shares, configured as KrakenD's Go transport behaves.</summary>
public static class BackendHttpClient
{
    /// <summary>
    /// A client that follows redirects, asks for and decompresses gzip, keeps no cookies and ignores system
    /// proxies (a gateway must not route its backend traffic through a proxy it was not told about). With
    /// <paramref name="tls"/> (<c>client_tls</c>) every HTTPS backend is verified and met as it says;
    /// <paramref name="transport"/> holds the root keys that tune its connections.
    /// </summary>
    public static HttpMessageInvoker Create(ClientTls? tls = null, BackendTransportOptions? transport = null) =>
        new(CreateHandler(tls, transport ?? new BackendTransportOptions()));

    internal static SocketsHttpHandler CreateHandler(ClientTls? tls, BackendTransportOptions transport)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = true,
            AutomaticDecompression = DecompressionMethods.GZip,
            UseCookies = false,
            UseProxy = false,
            PooledConnectionIdleTimeout = transport.IdleConnectionTimeout,
            ConnectTimeout = transport.DialerTimeout,
        };
        if (transport.ExpectContinueTimeout is { } expectContinue)
        {
            handler.Expect100ContinueTimeout = expectContinue;
        }

        if (tls is not null)
        {
            handler.SslOptions = tls.CreateOptions();
        }

        return handler;
    }
}
