using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Switchyard.LoadBench;

/// <summary>
/// The <c>backend</c> verb: a minimal Kestrel app on 127.0.0.1 (Production, no logging, no Server header) answering
/// with <see cref="BackendResponder"/>, until the orchestrator kills it.
/// </summary>
internal static class BackendApp
{
    public static async Task RunAsync(BackendOptions options)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], EnvironmentName = Environments.Production });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, options.Port);
        });
        await using var app = builder.Build();
        using var clock = options.HeavyTail ? new PreciseDelay() : null;
        var responder = new BackendResponder(clock is null ? null : new HeavyTailDelay(options.Seed, clock));
        app.Run(responder.RespondAsync);
        await app.RunAsync();
    }
}
