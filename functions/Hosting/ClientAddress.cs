using System.Net;
using Microsoft.AspNetCore.Http;

namespace Switchyard.Functions.Hosting;

/// <summary>
/// The client's IP as KrakenD reports it in <c>X-Forwarded-For</c>: the first address of an incoming
/// <c>X-Forwarded-For</c>, else <c>X-Real-IP</c>, else the connection's peer. Only a value that parses as an IP
/// address is taken from a header, so a header cannot smuggle anything else to the backends.
/// </summary>
internal static class ClientAddress
{
    public static string Of(HttpContext context)
    {
        var headers = context.Request.Headers;
        var forwarded = headers["X-Forwarded-For"].ToString();
        if (forwarded.Length > 0)
        {
            var first = forwarded.AsSpan();
            var comma = first.IndexOf(',');
            if (comma >= 0)
            {
                first = first[..comma];
            }

            if (IPAddress.TryParse(first.Trim(), out var address))
            {
                return address.ToString();
            }
        }

        if (IPAddress.TryParse(headers["X-Real-IP"].ToString().AsSpan().Trim(), out var real))
        {
            return real.ToString();
        }

        var remote = context.Connection.RemoteIpAddress;
        return remote is null ? "" : (remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote).ToString();
    }
}
