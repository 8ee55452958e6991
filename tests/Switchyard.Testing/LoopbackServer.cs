using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Switchyard.Testing;

/// <summary>
/// A real Kestrel server on a free loopback port that answers every request with one <see cref="RequestDelegate"/>:
/// a gateway under test, or a backend it calls. Start it with <see cref="StartAsync"/>, dispose it to stop it.
/// </summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    /// <summary>Where the server listens: <c>http://127.0.0.1:&lt;port&gt;/</c> (<c>https://</c> for an HTTPS server).</summary>
    public Uri BaseAddress { get; }

    /// <summary>The server's services, for handlers that resolve what <c>configureServices</c> registered.</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>Starts a server that runs <paramref name="handler"/> for every request.</summary>
    /// <param name="handler">The terminal handler (<c>app.Run</c>).</param>
    /// <param name="configureServices">Extra registrations, such as a logger provider that captures logs.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static Task<LoopbackServer> StartAsync(
        RequestDelegate handler,
        Action<IServiceCollection>? configureServices = null,
        CancellationToken cancellationToken = default) =>
        StartAsync(_ => handler, configureServices, cancellationToken);

    /// <summary>Starts a server whose handler is built from its own services once they exist.</summary>
    public static Task<LoopbackServer> StartAsync(
        Func<IServiceProvider, RequestDelegate> handlerFactory,
        Action<IServiceCollection>? configureServices = null,
        CancellationToken cancellationToken = default) =>
        StartAsync(handlerFactory, host => host.UseUrls("http://127.0.0.1:0"), configureServices, cancellationToken);

    /// <summary>
    /// Starts an HTTPS server that serves <paramref name="certificate"/> (with its private key) and runs
    /// <paramref name="handler"/> for every request; <paramref name="configureHttps"/> may ask for client certificates.
    /// </summary>
    public static Task<LoopbackServer> StartHttpsAsync(
        RequestDelegate handler,
        X509Certificate2 certificate,
        Action<HttpsConnectionAdapterOptions>? configureHttps = null,
        CancellationToken cancellationToken = default) =>
        StartAsync(
            _ => handler,
            host => host.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(https =>
            {
                https.ServerCertificate = certificate;
                configureHttps?.Invoke(https);
            }))),
            configureServices: null,
            cancellationToken);

    private static async Task<LoopbackServer> StartAsync(
        Func<IServiceProvider, RequestDelegate> handlerFactory,
        Action<IWebHostBuilder> listen,
        Action<IServiceCollection>? configureServices,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handlerFactory);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        listen(builder.WebHost.UseKestrelCore());

        // Quiet by default: tests that want logs register their own provider.
        builder.Services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        configureServices?.Invoke(builder.Services);

        var app = builder.Build();
        app.Run(handlerFactory(app.Services));
        await app.StartAsync(cancellationToken).ConfigureAwait(false);

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new LoopbackServer(app, new Uri(address.TrimEnd('/') + "/"));
    }

    /// <summary>
    /// A client for this server that does not follow redirects (tests look at them) and does not decompress.
    /// The caller disposes it.
    /// </summary>
    public HttpClient CreateClient() =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = BaseAddress };

    /// <summary>Stops the server and releases its port.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
