using System.CommandLine;
using Switchyard.Core.Configuration;
using Switchyard.Functions.Hosting;

namespace Switchyard.Functions.Cli;

/// <summary><c>switchyard run [-c FILE] [--port N]</c>: validates the configuration, then serves it until stopped.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var config = ConfigFileOption.Create();
        var port = new Option<int?>("--port", "-p") { Description = "Listen on this port instead of the configuration's." };
        var command = new Command("run", "Serve a configuration (the default command).") { config, port };
        command.SetAction((result, cancellationToken) => RunAsync(result.GetValue(config), result.GetValue(port), cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(string? configPath, int? port, CancellationToken cancellationToken)
    {
        var path = ConfigFileOption.Resolve(configPath);
        var result = ConfigLoader.LoadFile(path);
        ConfigReport.Write(result, path, Console.Error);
        if (result.Config is null)
        {
            return 1;
        }

        await using var gateway = GatewayApp.Create(result.Config, ListenAddress.Choose(result.Config, port));
        await gateway.RunAsync(cancellationToken).ConfigureAwait(false);
        return 0;
    }
}
