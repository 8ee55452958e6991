using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Switchyard.Core.Configuration;
using Switchyard.Core.Encoding;
using Switchyard.Core.Pipeline;
using Switchyard.Core.Security.Jwt;
using Switchyard.Functions.Hosting;
using Switchyard.Functions.Security;
using Switchyard.Functions.Routing;

namespace Switchyard.Benchmarks;

/// <summary>
/// The gateway's router, endpoint layers and pipes for a configuration, sockets aside: backends are answered in memory
/// by <see cref="CannedBackends"/>, and one client <see cref="HttpContext"/> is reused between requests, as Kestrel
/// reuses it on a keep-alive connection.
/// </summary>
internal static class InMemoryGateway
{
    /// <summary>The dispatcher of <paramref name="json"/> (it must be valid), its backends answering <paramref name="bodies"/> by path.</summary>
    public static GatewayDispatcher Dispatcher(string json, IReadOnlyDictionary<string, string> bodies)
    {
        var result = ConfigLoader.Parse(json);
        var config = result.Config ?? throw new InvalidOperationException(string.Join('\n', result.Errors));
        var factory = new ProxyFactory(new HttpMessageInvoker(new CannedBackends(bodies)), DecoderRegistry.Default);
        var keys = new JwkSources(TimeProvider.System, JwtLogBridge.For(NullLogger.Instance), GatewayIdentity.UserAgent);
        var handlers = new EndpointHandlerFactory(config, factory, EncoderRegistry.Default, keys, TimeProvider.System, durable: null, NullLogger.Instance);
        var entries = config.Endpoints.Select(endpoint =>
            new RouteEntry<GatewayRoute>(endpoint.Method, endpoint.Endpoint, new GatewayRoute(handlers.Create(endpoint))));
        return new GatewayDispatcher(new RouteTable<GatewayRoute>(entries));
    }

    /// <summary>A GET of <paramref name="path"/> from 127.0.0.1 whose answer goes nowhere.</summary>
    public static DefaultHttpContext Request(string path)
    {
        var context = new DefaultHttpContext();
        var request = context.Request;
        request.Method = "GET";
        request.Scheme = "http";
        request.Host = new HostString("gateway.test");
        request.Path = path;
        context.Connection.RemoteIpAddress = System.Net.IPAddress.Loopback;
        context.Response.Body = Stream.Null;
        return context;
    }

    /// <summary>Sends <paramref name="context"/>'s request again and answers the status.</summary>
    public static async Task<int> SendAsync(GatewayDispatcher dispatcher, HttpContext context)
    {
        var response = context.Response;
        response.Headers.Clear();
        response.StatusCode = StatusCodes.Status200OK;
        await dispatcher.DispatchAsync(context).ConfigureAwait(false);
        return response.StatusCode;
    }
}
