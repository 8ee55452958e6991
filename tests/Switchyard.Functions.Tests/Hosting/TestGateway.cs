using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using Switchyard.Core.Configuration;
using Switchyard.Functions.Hosting;

namespace Switchyard.Functions.Tests.Hosting;

/// <summary>The real gateway (the same <see cref="GatewayApp"/> the CLI runs) on a free loopback port.</summary>
internal sealed class TestGateway : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestGateway(WebApplication app, Uri baseAddress, SocketsHttpHandler? clientHandler)
    {
        _app = app;
        BaseAddress = baseAddress;
        clientHandler ??= new SocketsHttpHandler();
        clientHandler.AllowAutoRedirect = false;
        clientHandler.UseCookies = false;
        Client = new HttpClient(clientHandler) { BaseAddress = baseAddress };
    }

    public Uri BaseAddress { get; }

    /// <summary>A client that does not follow redirects and does not decompress: tests see exactly what the gateway sent.</summary>
    public HttpClient Client { get; }

    /// <summary>Loads <paramref name="krakendJson"/> (it must be valid) and serves it.</summary>
    public static Task<TestGateway> StartAsync(string krakendJson, TimeProvider? timeProvider = null) =>
        StartAsync(krakendJson, port: 0, timeProvider);

    /// <summary>
    /// Loads <paramref name="krakendJson"/> (it must be valid) and serves it on loopback at <paramref name="port"/>, over
    /// HTTPS when its <c>tls</c> is active; <paramref name="clientHandler"/> sets up <see cref="Client"/> (the trust
    /// and client certificate of an HTTPS gateway's client).
    /// </summary>
    public static Task<TestGateway> StartAsync(
        string krakendJson, int port, TimeProvider? timeProvider = null, SocketsHttpHandler? clientHandler = null) =>
        StartAsync(krakendJson, port, timeProvider, clientHandler, logs: null);

    /// <summary>Loads <paramref name="krakendJson"/> (it must be valid) and serves it, its log (every level) kept by <paramref name="logs"/>.</summary>
    public static Task<TestGateway> StartAsync(string krakendJson, ILoggerProvider logs) =>
        StartAsync(krakendJson, port: 0, timeProvider: null, clientHandler: null, logs);

    /// <summary>Loads <paramref name="krakendJson"/> (it must be valid) and serves it on <paramref name="timeProvider"/>'s clock, its log kept by <paramref name="logs"/>.</summary>
    public static Task<TestGateway> StartAsync(string krakendJson, TimeProvider timeProvider, ILoggerProvider logs) =>
        StartAsync(krakendJson, port: 0, timeProvider, clientHandler: null, logs);

    private static async Task<TestGateway> StartAsync(
        string krakendJson, int port, TimeProvider? timeProvider, SocketsHttpHandler? clientHandler, ILoggerProvider? logs)
    {
        var result = ConfigLoader.Parse(krakendJson);
        result.Errors.Should().BeEmpty("the test configuration must be valid");
        var scheme = result.Config!.Tls is { IsActive: true } ? "https" : "http";
        var app = GatewayApp.Create(
            result.Config,
            $"{scheme}://127.0.0.1:{port}",
            timeProvider,
            configureLogging: logs is null ? null : logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
        await app.StartAsync();
        return new TestGateway(app, new Uri(app.Urls.First().TrimEnd('/') + "/"), clientHandler);
    }

    /// <summary>
    /// Serves a configuration whose backends are the gateway itself on port 8080 (the examples): it runs on a free
    /// port instead, and every <c>:8080</c> of the text is moved there.
    /// </summary>
    public static Task<TestGateway> StartSelfCallingAsync(string krakendJson)
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        return StartAsync(krakendJson.Replace(":8080", $":{port}", StringComparison.Ordinal), port);
    }

    /// <summary>A v3 configuration whose <c>endpoints</c> array is <paramref name="endpoints"/>, plus extra root keys.</summary>
    public static string Config(string endpoints, string rootKeys = "") =>
        $$"""{"version": 3, {{(rootKeys.Length > 0 ? rootKeys + "," : "")}} "endpoints": [{{endpoints}}]}""";

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
