namespace Switchyard.Testing;

/// <summary>
/// A private RabbitMQ node on free loopback ports with its data in a temporary directory, started through
/// <c>infra/rabbitmq.sh</c>. Use it as an xunit class or collection fixture (startup takes several seconds, so share
/// one per collection): it starts in <see cref="InitializeAsync"/> and is stopped and deleted on dispose. It never
/// skips: when the node cannot start, <see cref="InitializeAsync"/> throws with the script's output.
/// </summary>
public sealed class RabbitMqServer : IAsyncLifetime
{
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromSeconds(120);

    private DirectoryInfo? _directory;

    /// <summary>The node's AMQP port on 127.0.0.1.</summary>
    public int Port { get; private set; }

    /// <summary>The node's Erlang name, for <c>rabbitmqctl -n</c>.</summary>
    public string NodeName { get; private set; } = "";

    /// <summary><c>amqp://guest:guest@127.0.0.1:PORT/</c>.</summary>
    public Uri AmqpUri => new($"amqp://guest:guest@127.0.0.1:{Port}/");

    /// <summary>Starts the node and waits until it accepts connections.</summary>
    public async Task InitializeAsync()
    {
        _directory = Directory.CreateTempSubdirectory("switchyard-rabbitmq-");
        Port = ClosedPort.Number();
        var output = await RunScriptAsync("start", _directory.FullName, Port.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .ConfigureAwait(false);
        NodeName = output.Trim().Split('\n')[^1].Trim();
    }

    /// <summary>Stops the broker application (clients are disconnected, the port closes) while the node stays up.</summary>
    public Task StopAppAsync() => RunScriptAsync("stop_app", RequireDirectory());

    /// <summary>Starts the broker application again after <see cref="StopAppAsync"/>.</summary>
    public Task StartAppAsync() => RunScriptAsync("start_app", RequireDirectory());

    /// <summary>Stops the node and deletes its directory.</summary>
    public async Task DisposeAsync()
    {
        if (_directory is not { } directory)
        {
            return;
        }

        _directory = null;
        try
        {
            await RunScriptAsync("stop", directory.FullName).ConfigureAwait(false);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private string RequireDirectory() =>
        _directory?.FullName ?? throw new InvalidOperationException("The RabbitMQ node is not started.");

    private static Task<string> RunScriptAsync(params string[] arguments) =>
        InfraScript.RunAsync("rabbitmq.sh", ScriptTimeout, arguments);
}
