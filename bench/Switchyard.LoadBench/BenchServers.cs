using System.Globalization;

namespace Switchyard.LoadBench;

/// <summary>
/// Every server of a run, each on 127.0.0.1 on a free port with its files in one temp directory: the backend, the
/// heavy-tail backend, the Switchyard gateway, nginx and HAProxy. Disposing stops them all and deletes the directory.
/// </summary>
internal sealed class BenchServers : IDisposable
{
    private readonly List<ChildProcess> _processes = [];
    private readonly string _directory = Directory.CreateTempSubdirectory("switchyard-loadbench-").FullName;

    public ChildProcess Backend { get; private set; } = null!;

    public ChildProcess HeavyTail { get; private set; } = null!;

    public ChildProcess Gateway { get; private set; } = null!;

    public ChildProcess Nginx { get; private set; } = null!;

    public ChildProcess Haproxy { get; private set; } = null!;

    public Uri BackendUrl { get; private set; } = null!;

    public Uri HeavyTailUrl { get; private set; } = null!;

    public Uri GatewayUrl { get; private set; } = null!;

    public Uri NginxUrl { get; private set; } = null!;

    public Uri HaproxyUrl { get; private set; } = null!;

    /// <summary>Starts the two backends and the gateway, and waits until each answers.</summary>
    public async Task StartBackendsAndGatewayAsync(string gateway, CancellationToken cancellationToken)
    {
        await StartBackendsAsync(cancellationToken);
        await StartGatewayAsync(gateway, GatewayConfig.Json(BackendUrl.Port, HeavyTailUrl.Port), cancellationToken);
    }

    /// <summary>Starts the plain and the heavy-tail backends, and waits until each answers.</summary>
    public async Task StartBackendsAsync(CancellationToken cancellationToken)
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("The benchmark's own executable is unknown.");
        (Backend, BackendUrl) = Add(port => ChildProcess.Start("backend", self, ["backend", "--port", Text(port)]));
        (HeavyTail, HeavyTailUrl) = Add(port => ChildProcess.Start(
            "heavy-tail backend", self, ["backend", "--port", Text(port), "--heavy-tail", "--seed", "42"]));
        await Backend.WaitUntilAnswersAsync(new Uri(BackendUrl, "/__count"), cancellationToken);
        await HeavyTail.WaitUntilAnswersAsync(new Uri(HeavyTailUrl, "/__count"), cancellationToken);
    }

    /// <summary>Starts the gateway on <paramref name="configJson"/>, and waits until it answers.</summary>
    public async Task StartGatewayAsync(string gateway, string configJson, CancellationToken cancellationToken) =>
        (Gateway, GatewayUrl) = await StartAnotherGatewayAsync("Switchyard", gateway, configJson, cancellationToken);

    /// <summary>
    /// Starts a gateway beside any other, named <paramref name="name"/> (its configuration file too), and waits until it
    /// answers.
    /// </summary>
    public async Task<(ChildProcess Process, Uri Url)> StartAnotherGatewayAsync(
        string name, string gateway, string configJson, CancellationToken cancellationToken)
    {
        var config = Path.Combine(_directory, $"{name}.json");
        await File.WriteAllTextAsync(config, configJson, cancellationToken);
        var (process, url) = Add(port => ChildProcess.Start(name, gateway, ["run", "-c", config, "--port", Text(port)], _directory));
        await process.WaitUntilAnswersAsync(new Uri(url, "/__health"), cancellationToken);
        return (process, url);
    }

    /// <summary>Starts another plain backend, used as the OTLP collector exports go to (a sink that counts them).</summary>
    public async Task<(ChildProcess Process, Uri Url)> StartOtlpSinkAsync(CancellationToken cancellationToken)
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("The benchmark's own executable is unknown.");
        var (sink, url) = Add(port => ChildProcess.Start("OTLP sink", self, ["backend", "--port", Text(port)]));
        await sink.WaitUntilAnswersAsync(new Uri(url, "/__otlp"), cancellationToken);
        return (sink, url);
    }

    /// <summary>Starts nginx and HAProxy in front of the backend, and waits until each answers.</summary>
    public async Task StartReverseProxiesAsync(CancellationToken cancellationToken)
    {
        (Nginx, NginxUrl) = Add(port => NginxProxy.Start(Path.Combine(_directory, "nginx"), port, BackendUrl.Port));
        (Haproxy, HaproxyUrl) = Add(port => HaproxyProxy.Start(Path.Combine(_directory, "haproxy"), port, BackendUrl.Port));
        await Nginx.WaitUntilAnswersAsync(new Uri(NginxUrl, "/a"), cancellationToken);
        await Haproxy.WaitUntilAnswersAsync(new Uri(HaproxyUrl, "/a"), cancellationToken);
    }

    public void Dispose()
    {
        // Last started, first stopped: the proxies before the backends they hold connections to.
        for (var i = _processes.Count - 1; i >= 0; i--)
        {
            _processes[i].Dispose();
        }

        Directory.Delete(_directory, recursive: true);
    }

    private (ChildProcess Process, Uri Url) Add(Func<int, ChildProcess> start)
    {
        var port = FreePort.Next();
        var process = start(port);
        _processes.Add(process);
        return (process, new Uri($"http://127.0.0.1:{Text(port)}/"));
    }

    private static string Text(int port) => port.ToString(CultureInfo.InvariantCulture);
}
