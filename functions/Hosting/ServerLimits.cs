using Microsoft.AspNetCore.Server.Kestrel.Core;
using Switchyard.Core.Configuration;

namespace Switchyard.Functions.Hosting;

/// <summary>The root keys that bound Go's <c>http.Server</c>, on Kestrel's limits.</summary>
internal static class ServerLimits
{
    public static void Apply(KestrelServerLimits limits, HttpServerOptions server)
    {
        // Go's limit (1 MiB by default) rather than Kestrel's 32 KiB: a request KrakenD accepts reaches the gateway's own
        // checks, which answer an oversized token with 401, not 431. Go applies it to HTTP/2 header lists too, where
        // Kestrel would otherwise stop a single field at 16 KiB.
        limits.MaxRequestHeadersTotalSize = server.MaxHeaderBytes;
        limits.Http2.MaxRequestHeaderFieldSize = server.MaxHeaderBytes;
        if (server.ReadHeaderTimeout is { } readHeader)
        {
            limits.RequestHeadersTimeout = readHeader;
        }

        if (server.IdleTimeout is { } idle)
        {
            limits.KeepAliveTimeout = idle;
        }
    }
}
