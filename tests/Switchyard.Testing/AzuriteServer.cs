namespace Switchyard.Testing;

/// <summary>
/// A private Azurite (the Azure Storage emulator: blobs, queues and tables) on three free loopback ports with its
/// data in a temporary directory and the well-known development account, started through <c>infra/azurite.sh</c>.
/// Use it as an xunit class or collection fixture (it starts in <see cref="InitializeAsync"/>), or start one of a
/// test's own with <see cref="StartAsync()"/> and <c>await using</c> it. <see cref="StopAsync"/> and
/// <see cref="StartAgainAsync"/> make a storage outage and its end: the ports stay the same and the data stays in the
/// directory. Disposing stops it and deletes the directory. It never skips: when node, the npm modules or Azurite
/// fail, starting throws with the script's output.
/// </summary>
public sealed class AzuriteServer : IAsyncLifetime, IAsyncDisposable
{
    // Azurite answers within seconds and stops within a few more; the script's own limits come first.
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromSeconds(60);

    private DirectoryInfo? _directory;
    private IReadOnlyList<int> _ports = [];

    /// <summary>
    /// The storage connection string: the development account <c>devstoreaccount1</c> with its key, and the
    /// <c>BlobEndpoint</c>, <c>QueueEndpoint</c> and <c>TableEndpoint</c> of this instance, over HTTP.
    /// </summary>
    public string ConnectionString { get; private set; } = "";

    /// <summary><c>http://127.0.0.1:BLOB_PORT/devstoreaccount1</c>.</summary>
    public Uri BlobEndpoint => Endpoint("BlobEndpoint");

    /// <summary><c>http://127.0.0.1:QUEUE_PORT/devstoreaccount1</c>.</summary>
    public Uri QueueEndpoint => Endpoint("QueueEndpoint");

    /// <summary><c>http://127.0.0.1:TABLE_PORT/devstoreaccount1</c>.</summary>
    public Uri TableEndpoint => Endpoint("TableEndpoint");

    /// <summary>Starts an instance of its own, ready for requests; dispose it to stop it and delete its data.</summary>
    public static async Task<AzuriteServer> StartAsync()
    {
        var server = new AzuriteServer();
        await server.InitializeAsync().ConfigureAwait(false);
        return server;
    }

    /// <summary>Takes a directory and three ports, starts Azurite and waits until all three services answer.</summary>
    public async Task InitializeAsync()
    {
        _directory = Directory.CreateTempSubdirectory("switchyard-azurite-");
        _ports = ClosedPort.Numbers(3);
        try
        {
            await StartAgainAsync().ConfigureAwait(false);
        }
        catch
        {
            // The script stopped what it started and its message carries the log: nothing in the directory is needed.
            _directory.Delete(recursive: true);
            _directory = null;
            throw;
        }
    }

    /// <summary>Stops Azurite (its ports close, clients get refused connections); its data stays in the directory.</summary>
    public Task StopAsync() => InfraScript.RunAsync("azurite.sh", ScriptTimeout, "stop", RequireDirectory());

    /// <summary>Starts Azurite again after <see cref="StopAsync"/>, on the same ports and with the same data.</summary>
    public async Task StartAgainAsync()
    {
        var ports = _ports.Select(port => port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var output = await InfraScript.RunAsync("azurite.sh", ScriptTimeout, ["start", RequireDirectory(), .. ports])
            .ConfigureAwait(false);
        ConnectionString = output.Trim().Split('\n')[^1].Trim();
    }

    /// <summary>Stops Azurite and deletes its directory; a second call does nothing.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_directory is not { } directory)
        {
            return;
        }

        _directory = null;
        try
        {
            await InfraScript.RunAsync("azurite.sh", ScriptTimeout, "stop", directory.FullName).ConfigureAwait(false);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    private string RequireDirectory() =>
        _directory?.FullName ?? throw new InvalidOperationException("Azurite is not started.");

    /// <summary>An endpoint as the connection string names it, so the two never disagree.</summary>
    private Uri Endpoint(string key)
    {
        var prefix = key + "=";
        var value = ConnectionString.Split(';').FirstOrDefault(part => part.StartsWith(prefix, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"Azurite is not started, or its connection string has no {key}: '{ConnectionString}'.");
        return new Uri(value[prefix.Length..]);
    }
}
