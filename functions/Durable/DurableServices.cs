using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Switchyard.Core.Configuration;
using Switchyard.Core.Durable;
using Switchyard.Core.Encoding;
using Switchyard.Core.Pipeline;
using Switchyard.Core.Resilience;

namespace Switchyard.Functions.Durable;

/// <summary>
/// The durable engine in the gateway's services, when the configuration has a durable pipe (and only then). A Native AOT
/// build refuses such a configuration here, as the gateway is built (see <see cref="NativeAotDurable"/>).
/// </summary>
internal static class DurableServices
{
    public static void Add(IServiceCollection services, ServiceConfig config)
    {
        var pipes = new DurablePipes(config);
        if (!pipes.Any || config.Durable is not { } options)
        {
            return;
        }

        // The AOT compiler reads this as false and leaves everything below, and the engine with it, out of the binary.
        if (!RuntimeFeature.IsDynamicCodeSupported)
        {
            throw new InvalidOperationException(NativeAotDurable.Refusal("a durable pipe"));
        }

        services.AddSingleton(pipes);
        // The engine's steps are single backend calls: their factory runs no workflow, so it needs no engine itself.
        services.AddSingleton(provider => DurableEngine.OnAzureStorage(
            options,
            pipes,
            new ProxyFactory(
                provider.GetRequiredService<HttpMessageInvoker>(),
                DecoderRegistry.Default,
                provider.GetRequiredService<TimeProvider>(),
                states: provider.GetRequiredService<BackendStates>(),
                telemetry: config.OpenTelemetry),
            provider.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<DurableEngineHost>();
        services.AddHostedService(provider => provider.GetRequiredService<DurableEngineHost>());
    }
}
