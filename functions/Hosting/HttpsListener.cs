using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Switchyard.Core.Security.Tls;

namespace Switchyard.Functions.Hosting;

/// <summary>
/// Kestrel's HTTPS endpoint for an active <c>tls</c>: the one listening socket of the gateway, TLS only (a plain HTTP
/// request fails the handshake), HTTP/2 and HTTP/1.1 chosen by ALPN. Every handshake takes its options from
/// <see cref="ServerTls"/>: the certificate for the client's SNI name, the versions, the cipher suites and, with
/// <c>enable_mtls</c>, the client certificate check.
/// </summary>
internal static class HttpsListener
{
    private const string Scheme = "https://";

    /// <summary>Whether <paramref name="url"/>, as <see cref="ListenAddress"/> chose it, asks for HTTPS.</summary>
    public static bool IsHttps(string url) => url.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase);

    /// <summary>Listens on <paramref name="url"/> (<c>https://*:8443</c>, <c>https://127.0.0.1:0</c>, <c>https://[::1]:8443</c>).</summary>
    public static void Listen(KestrelServerOptions kestrel, string url, ServerTls tls)
    {
        var (address, port) = Endpoint(url);
        var https = new TlsHandshakeCallbackOptions
        {
            OnConnection = context => ValueTask.FromResult(tls.OptionsFor(context.ClientHelloInfo.ServerName)),
        };
        if (address is null)
        {
            kestrel.ListenAnyIP(port, listen => listen.UseHttps(https));
        }
        else
        {
            kestrel.Listen(address, port, listen => listen.UseHttps(https));
        }
    }

    // ListenAddress writes every interface as *, and an IPv6 address in brackets.
    private static (IPAddress? Address, int Port) Endpoint(string url)
    {
        var authority = url[Scheme.Length..].TrimEnd('/');
        var colon = authority.LastIndexOf(':');
        var host = authority[..colon];
        var port = int.Parse(authority[(colon + 1)..], CultureInfo.InvariantCulture);
        return host == "*" ? (null, port) : (IPAddress.Parse(host.Trim('[', ']')), port);
    }
}
