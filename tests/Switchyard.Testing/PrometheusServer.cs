using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;

namespace Switchyard.Testing;

/// <summary>
/// A private Prometheus (Debian's <c>prometheus</c>, which <c>./test.sh</c> installs) on a free loopback port, with its
/// own data directory, scraping the targets it is given every second. Dispose it to stop it and delete the directory.
/// It never skips: when the executable is missing or the server does not become ready, starting throws with its output.
/// </summary>
public sealed class PrometheusServer : IAsyncDisposable
{
    private const string Executable = "prometheus";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly DirectoryInfo _directory;
    private readonly ConcurrentQueue<string> _output;

    private PrometheusServer(Process process, DirectoryInfo directory, ConcurrentQueue<string> output, int port)
    {
        _process = process;
        _directory = directory;
        _output = output;
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
    }

    /// <summary>A client for the server's HTTP API.</summary>
    public HttpClient Client { get; }

    /// <summary>What the server wrote so far, for failure messages.</summary>
    public string Output => string.Join('\n', _output);

    /// <summary>Starts a server that scrapes <c>/metrics</c> of each <c>host:port</c> of <paramref name="targets"/> every second.</summary>
    public static async Task<PrometheusServer> StartAsync(params string[] targets)
    {
        var directory = Directory.CreateTempSubdirectory("switchyard-prometheus-");
        var port = ClosedPort.Number();
        var config = Path.Combine(directory.FullName, "prometheus.yml");
        await File.WriteAllTextAsync(config, $"""
            global:
              scrape_interval: 1s
              scrape_timeout: 1s
            scrape_configs:
              - job_name: switchyard
                static_configs:
                  - targets: [{string.Join(", ", targets.Select(target => $"'{target}'"))}]
            """);
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--config.file=" + config,
            "--storage.tsdb.path=" + Path.Combine(directory.FullName, "data"),
            "--web.listen-address=127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture),
            "--log.level=warn",
        })
        {
            start.ArgumentList.Add(argument);
        }

        var output = new ConcurrentQueue<string>();
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {Executable}.");
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            directory.Delete(recursive: true);
            throw new InvalidOperationException($"{Executable} is not installed: run ./test.sh once (it installs Debian's prometheus).", exception);
        }

        process.OutputDataReceived += (_, line) => OutputLines.Keep(output, line.Data);
        process.ErrorDataReceived += (_, line) => OutputLines.Keep(output, line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new PrometheusServer(process, directory, output, port);
        try
        {
            await server.WaitUntilReadyAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// The result vector of the instant query <paramref name="promQl"/> (<c>/api/v1/query</c>): one object per series,
    /// with its <c>metric</c> labels and <c>value</c>.
    /// </summary>
    public async Task<JsonArray> QueryAsync(string promQl)
    {
        var body = JsonNode.Parse(await Client.GetStringAsync("api/v1/query?query=" + Uri.EscapeDataString(promQl)))!;
        if (body["status"]?.GetValue<string>() != "success")
        {
            throw new InvalidOperationException($"Prometheus refused the query {promQl}: {body.ToJsonString()}");
        }

        return body["data"]!["result"]!.AsArray();
    }

    /// <summary>Runs <paramref name="promQl"/> until it returns a series; throws with the server's output after <paramref name="timeout"/>.</summary>
    public async Task<JsonArray> WaitForSeriesAsync(string promQl, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var result = await QueryAsync(promQl);
            if (result.Count > 0)
            {
                return result;
            }

            if (clock.Elapsed > timeout)
            {
                var targets = await Client.GetStringAsync("api/v1/targets");
                throw new TimeoutException(
                    $"No series for {promQl} within {timeout.TotalSeconds} s; targets: {targets}; output:\n{Output}");
            }

            await Task.Delay(250);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        _directory.Delete(recursive: true);
    }

    private async Task WaitUntilReadyAsync()
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"prometheus exited with code {_process.ExitCode} while starting; its output:\n{Output}");
            }

            try
            {
                using var response = await Client.GetAsync("-/ready");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (clock.Elapsed > StartTimeout)
            {
                throw new InvalidOperationException($"prometheus was not ready within {StartTimeout.TotalSeconds} s; its output:\n{Output}");
            }

            await Task.Delay(100);
        }
    }
}
