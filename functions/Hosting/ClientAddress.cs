using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Http;
using Switchyard.Core.Configuration;

namespace Switchyard.Functions.Hosting;

/// <summary>
/// The client's IP as KrakenD's router (gin) finds it, which becomes the backends' <c>X-Forwarded-For</c>:
/// <c>X-Appengine-Remote-Addr</c> first with <c>app_engine</c>; then, when the connection comes from a trusted proxy,
/// the first of <c>remote_ip_headers</c> that holds a valid chain, read right to left and stopping at the first
/// address that is not a trusted proxy (with the default, every address is trusted, so the left-most one wins); else
/// the connection's peer. Only text that parses as an IP address is ever taken from a header.
/// </summary>
internal sealed class ClientAddress
{
    private const string AppEngineHeader = "X-Appengine-Remote-Addr";

    private readonly RouterOptions _options;
    private readonly IPNetwork[] _trusted;

    public ClientAddress(RouterOptions options)
    {
        _options = options;
        _trusted = [.. options.TrustedProxies.Select(Range)];
    }

    public string Of(HttpContext context)
    {
        var headers = context.Request.Headers;
        if (_options.AppEngine && headers[AppEngineHeader].ToString() is { Length: > 0 } appEngine)
        {
            return appEngine;
        }

        var remote = context.Connection.RemoteIpAddress;
        if (remote is null)
        {
            return "";
        }

        remote = remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote;
        if (_options.ForwardedByClientIp && IsTrusted(remote))
        {
            foreach (var name in _options.RemoteIpHeaders)
            {
                if (FromChain(headers[name].ToString()) is { } forwarded)
                {
                    return forwarded;
                }
            }
        }

        return remote.ToString();
    }

    /// <summary>
    /// The address a trusted proxy wrote in <paramref name="header"/> (its first item, <c>address</c> or
    /// <c>address:port</c>), or null when the header has none or the connection does not come from a trusted proxy:
    /// a client cannot name its own address.
    /// </summary>
    public string? FromHeader(HttpContext context, string header)
    {
        var remote = context.Connection.RemoteIpAddress;
        if (remote is null || !IsTrusted(remote))
        {
            return null;
        }

        var value = RequestHeaders.FirstOf(context.Request.Headers[header]);
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        var first = value.Split(',', 2)[0].Trim();
        if (IPAddress.TryParse(first, out var address) || (IPEndPoint.TryParse(first, out var endPoint) && (address = endPoint.Address) is not null))
        {
            return (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
        }

        return null;
    }

    // gin's validateHeader: a proxy appends the address it received from, so the client is the right-most address that
    // is not a trusted proxy; a chain with an unparsable item is not believed at all.
    private string? FromChain(string header)
    {
        if (header.Length == 0)
        {
            return null;
        }

        var items = header.Split(',');
        for (var i = items.Length - 1; i >= 0; i--)
        {
            if (!IPAddress.TryParse(items[i].Trim(), out var address))
            {
                return null;
            }

            if (i == 0 || !IsTrusted(address))
            {
                return address.ToString();
            }
        }

        return null;
    }

    private bool IsTrusted(IPAddress address)
    {
        if (_trusted.Length == 0)
        {
            return true;
        }

        address = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return _trusted.Any(range => range.Contains(address));
    }

    // Validated when the configuration loaded: an address is a range of one.
    private static IPNetwork Range(string text)
    {
        if (text.Contains('/', StringComparison.Ordinal))
        {
            return IPNetwork.Parse(text);
        }

        var address = IPAddress.Parse(text);
        return new IPNetwork(address, address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128);
    }
}
