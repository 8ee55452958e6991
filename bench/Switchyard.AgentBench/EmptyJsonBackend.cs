using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Switchyard.AgentBench;

/// <summary>The backend both consumers call: a minimal Kestrel app on a loopback port answering <c>{}</c> to everything.</summary>
internal sealed class EmptyJsonBackend : IAsyncDisposable
{
    private readonly WebApplication _app;

    private EmptyJsonBackend(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    /// <summary><c>http://127.0.0.1:PORT</c>.</summary>
    public Uri Address { get; }

    public static async Task<EmptyJsonBackend> StartAsync()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().UseUrls("http://127.0.0.1:0");
        builder.Services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        var app = builder.Build();
        app.Run(context =>
        {
            context.Response.ContentType = "application/json";
            return context.Response.WriteAsync("{}");
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new EmptyJsonBackend(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
