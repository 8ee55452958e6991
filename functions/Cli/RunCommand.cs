using System.CommandLine;
using Switchyard.Core.Configuration.Flexible;
using Switchyard.Functions.Durable;
using Switchyard.Functions.Hosting;
using Switchyard.Functions.Serverless;

namespace Switchyard.Functions.Cli;

/// <summary>
/// <c>switchyard run [-c FILE] [--port N] [--debug]</c>: validates the configuration and reads its TLS files, then serves it until
/// stopped. Under the Functions host <c>tls</c> is left to the platform (its files are not read).
/// </summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var config = ConfigFileOption.Create();
        var port = new Option<int?>("--port", "-p") { Description = "Listen on this port instead of the configuration's." };
        var debug = new Option<bool>("--debug", "-d") { Description = "Serve /__debug/ as the configuration's debug_endpoint does (KrakenD's run -d)." };
        var command = new Command("run", "Serve a configuration (the default command).") { config, port, debug };
        var flexible = FlexibleConfigFlags.AddTo(command);
        command.SetAction((result, cancellationToken) => RunAsync(
            result.GetValue(config), result.GetValue(port), cancellationToken,
            flexible: flexible.Resolve(result, Environment.GetEnvironmentVariable), debug: result.GetValue(debug)));
        return command;
    }

    /// <param name="configPath">The configuration file, or null for the default one.</param>
    /// <param name="port">The <c>--port</c> option, when given.</param>
    /// <param name="cancellationToken">Stops the gateway.</param>
    /// <param name="errors">Where the configuration's problems are printed; standard error by default.</param>
    /// <param name="flexible">Flexible configuration, or null to read the file as JSON.</param>
    /// <param name="debug">The <c>--debug</c> option: <c>/__debug/</c> served whatever <c>debug_endpoint</c> says.</param>
    public static async Task<int> RunAsync(
        string? configPath, int? port, CancellationToken cancellationToken, TextWriter? errors = null, FlexibleConfigOptions? flexible = null,
        bool debug = false)
    {
        var path = ConfigFileOption.Resolve(configPath);
        var serverless = ServerlessOptions.FromEnvironment();
        var loaded = StaticSubscriptionCheck.Apply(NativeAotDurable.Refuse(FlexibleConfigLoader.LoadFile(path, flexible, Environment.GetEnvironmentVariable)));
        if (serverless.UnderFunctionsHost)
        {
            loaded = FunctionsHostTls.Refuse(loaded);
        }

        if (debug && loaded.Config is { } debugged)
        {
            loaded = loaded with { Config = debugged with { DebugEndpoint = true } };
        }

        var url = loaded.Config is { } config ? ListenAddress.Choose(config, port) : "";
        var (result, tls) = TlsFileCheck.Apply(loaded, HttpsListener.IsHttps(url));
        ConfigReport.Write(result, path, errors ?? Console.Error);
        if (result.Config is null || tls is null)
        {
            return 1;
        }

        using (tls)
        {
            await using var gateway = GatewayApp.Create(result.Config, url, serverless: serverless, tls: tls);
            await gateway.RunAsync(cancellationToken).ConfigureAwait(false);
        }

        return 0;
    }
}
