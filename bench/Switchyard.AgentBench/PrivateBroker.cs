using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Switchyard.AgentBench;

/// <summary>
/// A RabbitMQ node of its own for the run, started with the repository's <c>infra/rabbitmq.sh</c> on a free loopback
/// port in a temporary directory, stopped and deleted on dispose: a benchmark never uses the machine's node.
/// </summary>
internal sealed class PrivateBroker : IAsyncDisposable
{
    private readonly string _script;
    private readonly DirectoryInfo _directory;

    private PrivateBroker(string script, DirectoryInfo directory, int port)
    {
        _script = script;
        _directory = directory;
        AmqpUri = new Uri($"amqp://guest:guest@127.0.0.1:{port}/");
    }

    public Uri AmqpUri { get; }

    public static async Task<PrivateBroker> StartAsync(string repositoryRoot)
    {
        var script = Path.Combine(repositoryRoot, "infra", "rabbitmq.sh");
        var directory = Directory.CreateTempSubdirectory("switchyard-agentbench-");
        var port = FreeLoopbackPort();
        var broker = new PrivateBroker(script, directory, port);
        try
        {
            await broker.RunScriptAsync("start", directory.FullName, port.ToString(CultureInfo.InvariantCulture));
            return broker;
        }
        catch
        {
            directory.Delete(recursive: true);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await RunScriptAsync("stop", _directory.FullName);
        }
        finally
        {
            _directory.Delete(recursive: true);
        }
    }

    private async Task RunScriptAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(_script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not run bash.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"infra/rabbitmq.sh {string.Join(' ', arguments)} failed ({process.ExitCode}):\n{await output}{await errors}");
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
