using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using System.Text.Json.Nodes;
using Switchyard.Testing;

namespace Switchyard.Functions.Tests.Agents;

/// <summary>
/// The real <c>switchyard</c> executable as a child process (<c>dotnet switchyard.dll run -c FILE --port N</c>), with its
/// output kept for failure messages. A test that needs the process itself (killed, restarted) uses this instead of
/// the in-process <c>TestGateway</c>.
/// </summary>
internal sealed class GatewayProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output;
    private readonly ConcurrentQueue<string> _standardOutput;

    private GatewayProcess(Process process, ConcurrentQueue<string> output, ConcurrentQueue<string> standardOutput, int port)
    {
        _process = process;
        _output = output;
        _standardOutput = standardOutput;
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
    }

    /// <summary>The process's id.</summary>
    public int Id => _process.Id;

    /// <summary>A client for the gateway's port.</summary>
    public HttpClient Client { get; }

    /// <summary>Everything the process wrote so far (stdout and stderr, in arrival order).</summary>
    public string Output => string.Join('\n', _output);

    /// <summary>The lines the process wrote to its standard output so far.</summary>
    public IReadOnlyList<string> StandardOutput => [.. _standardOutput];

    /// <summary>The exit code once the process has exited: 128 + the signal's number when a signal ended it.</summary>
    public int ExitCode => _process.ExitCode;

    /// <summary>
    /// Starts the gateway on <paramref name="configPath"/> and waits until <c>/__health</c> answers and shows every agent
    /// of <paramref name="agents"/> connected. Throws with the process output when it exits or is not ready in time.
    /// </summary>
    public static Task<GatewayProcess> StartAsync(string configPath, params string[] agents) =>
        StartAsync(configPath, new Dictionary<string, string>(), agents);

    /// <summary>
    /// As <see cref="StartAsync(string, string[])"/>, with <paramref name="environment"/> added to the process's
    /// environment (an empty value removes the variable).
    /// </summary>
    public static async Task<GatewayProcess> StartAsync(string configPath, IReadOnlyDictionary<string, string> environment, params string[] agents)
    {
        var port = new Uri(ClosedPort.Host()).Port;
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(configPath)!,
        };
        foreach (var (name, value) in environment)
        {
            if (value.Length == 0)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        foreach (var argument in new[] { FindExecutable(), "run", "-c", configPath, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        var output = new ConcurrentQueue<string>();
        var standardOutput = new ConcurrentQueue<string>();
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, line) =>
        {
            OutputLines.Keep(output, line.Data);
            OutputLines.Keep(standardOutput, line.Data);
        };
        process.ErrorDataReceived += (_, line) => OutputLines.Keep(output, line.Data);
        if (!process.Start())
        {
            throw new InvalidOperationException($"Could not start {start.FileName} {string.Join(' ', start.ArgumentList)}.");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var gateway = new GatewayProcess(process, output, standardOutput, port);
        try
        {
            await gateway.WaitUntilConnectedAsync(agents);
            return gateway;
        }
        catch
        {
            await gateway.DisposeAsync();
            throw;
        }
    }

    /// <summary>True once the gateway answers <c>/__health</c>.</summary>
    private async Task<bool> AnswersAsync()
    {
        try
        {
            using var response = await Client.GetAsync("__health");
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    /// <summary>The agent's status object from <c>/__health</c>, or null while the gateway does not answer.</summary>
    public async Task<JsonNode?> AgentStatusAsync(string agent)
    {
        try
        {
            var health = JsonNode.Parse(await Client.GetStringAsync("__health"));
            return health?["agent_status"]?[agent];
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    /// <summary>Ends the process with SIGKILL (what <see cref="Process.Kill()"/> sends on Linux) and waits for it.</summary>
    public async Task KillAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync();
    }

    /// <summary>Asks the process to stop with SIGTERM, as a service manager would, and waits for it to exit.</summary>
    public async Task TerminateAsync(TimeSpan timeout)
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            throw new InvalidOperationException($"The gateway did not stop within {timeout.TotalSeconds} s of SIGTERM; its output:\n{Output}");
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
    }

    private async Task WaitUntilConnectedAsync(string[] agents)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The gateway exited with code {_process.ExitCode} while starting; its output:\n{Output}");
            }

            // Listening first (without agents there is nothing else to wait for), then every agent connected.
            var connected = await AnswersAsync() ? 0 : -1;
            foreach (var agent in agents)
            {
                if ((await AgentStatusAsync(agent))?["connected"]?.GetValue<bool>() == true)
                {
                    connected++;
                }
            }

            if (connected == agents.Length)
            {
                return;
            }

            if (clock.Elapsed > StartTimeout)
            {
                throw new InvalidOperationException(
                    $"The gateway's agents were not connected within {StartTimeout.TotalSeconds} s; its output:\n{Output}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>The <c>dotnet</c> host that runs the tests (the SDK sets DOTNET_HOST_PATH), else the one on the PATH.</summary>
    internal static string DotnetHost() => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    /// <summary>
    /// <c>switchyard.dll</c> as built with the tests: copied next to them (the project references the executable), or
    /// else in <c>functions/bin/&lt;configuration&gt;</c> of the repository.
    /// </summary>
    internal static string FindExecutable()
    {
        var candidates = new List<string> { AppContext.BaseDirectory };
        var configuration = typeof(GatewayProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var bin = RepositoryRoot.Combine("functions", "bin", configuration);
        if (Directory.Exists(bin))
        {
            candidates.AddRange(Directory.GetDirectories(bin));
        }

        foreach (var candidate in candidates)
        {
            // The runtime configuration is what lets `dotnet` run the dll (it names the ASP.NET Core framework).
            var dll = Path.Combine(candidate, "switchyard.dll");
            if (File.Exists(dll) && File.Exists(Path.Combine(candidate, "switchyard.runtimeconfig.json")))
            {
                return dll;
            }
        }

        throw new InvalidOperationException(
            $"switchyard.dll (with its runtimeconfig.json) was not found in: {string.Join(", ", candidates)}. Build functions/ first.");
    }
}
