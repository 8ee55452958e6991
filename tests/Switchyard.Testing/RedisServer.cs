using System.Globalization;

namespace Switchyard.Testing;

/// <summary>
/// A private Redis server on a free loopback port, with its configuration and log in a temporary directory and nothing
/// persisted, started through <c>infra/redis.sh</c>. Use it as an xunit class or collection fixture: it starts in
/// <see cref="InitializeAsync"/> and is stopped and deleted on dispose. It never skips: when the server cannot start,
/// <see cref="InitializeAsync"/> throws with the script's output.
/// </summary>
public sealed class RedisServer : IAsyncLifetime
{
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromSeconds(60);

    private readonly Dictionary<string, string> _environment = [];
    private DirectoryInfo? _directory;

    /// <summary>
    /// A server speaking TLS only (<c>rediss://</c>) with the PEM files given: its certificate and key, and the CA Redis
    /// insists on. (A fixture may have one public constructor only, the plain one.)
    /// </summary>
    public static RedisServer WithTls(string certificatePath, string keyPath, string caPath)
    {
        var server = new RedisServer();
        server._environment["REDIS_TLS_CERT"] = certificatePath;
        server._environment["REDIS_TLS_KEY"] = keyPath;
        server._environment["REDIS_TLS_CA"] = caPath;
        return server;
    }

    /// <summary>The password the default user needs; every test server has one, so wrong credentials can be tried.</summary>
    public string Password { get; } = "redis-" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>The server's port on 127.0.0.1.</summary>
    public int Port { get; private set; }

    /// <summary><c>redis://:PASSWORD@127.0.0.1:PORT/DATABASE</c>, <c>rediss://</c> with TLS.</summary>
    public string Url(int database = 0) => $"{(_environment.Count > 0 ? "rediss" : "redis")}://:{Password}@127.0.0.1:{Port}/{database}";

    /// <summary><c>127.0.0.1:PORT,password=...</c>: a StackExchange.Redis configuration for an independent client (plain TCP).</summary>
    public string ClientConfiguration => $"127.0.0.1:{Port},password={Password},abortConnect=true";

    /// <summary>Starts the server and waits until it answers PING.</summary>
    public async Task InitializeAsync()
    {
        _directory = Directory.CreateTempSubdirectory("switchyard-redis-");
        Port = ClosedPort.Number();
        await StartAsync().ConfigureAwait(false);
    }

    /// <summary>Stops the server (clients are disconnected, the port closes); <see cref="StartAsync"/> brings it back on the same port.</summary>
    public Task StopAsync() => RunScriptAsync("stop", RequireDirectory());

    /// <summary>Starts the server again after <see cref="StopAsync"/>, empty (nothing is persisted).</summary>
    public Task StartAsync() =>
        InfraScript.RunAsync("redis.sh", ScriptTimeout, _environment, "start", RequireDirectory(), Port.ToString(CultureInfo.InvariantCulture), Password);

    /// <summary>Stops the server and deletes its directory.</summary>
    public async Task DisposeAsync()
    {
        if (_directory is not { } directory)
        {
            return;
        }

        try
        {
            await StopAsync().ConfigureAwait(false);
        }
        finally
        {
            _directory = null;
            directory.Delete(recursive: true);
        }
    }

    private string RequireDirectory() =>
        _directory?.FullName ?? throw new InvalidOperationException("The Redis server is not started.");

    private static Task<string> RunScriptAsync(params string[] arguments) =>
        InfraScript.RunAsync("redis.sh", ScriptTimeout, arguments);
}
