using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text.Json.Nodes;
using Switchyard.Functions.Cli;
using Switchyard.Functions.Tests.Hosting;
using Switchyard.Testing;

namespace Switchyard.Functions.Tests.Packaging;

/// <summary>
/// The real thing, as the Functions host would run it: <c>examples/krakend.json</c> packaged with the ReadyToRun
/// publish (about a minute), then the packaged executable started as <c>host.json</c> says, with
/// <c>FUNCTIONS_CUSTOMHANDLER_PORT</c>, and probed as the host probes it.
/// </summary>
public sealed class PackagedAppTests : IDisposable
{
    /// <summary>How long the host waits for a custom handler to answer its first probe (Flex Consumption's limit).</summary>
    private static readonly TimeSpan HostInitTimeout = TimeSpan.FromSeconds(30);

    private readonly string _directory = Directory.CreateTempSubdirectory("switchyard-packaged-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task The_packaged_executable_starts_as_the_host_starts_it_and_serves_the_endpoints()
    {
        var dist = Path.Combine(_directory, "dist");
        var errors = new StringWriter();
        var config = Path.Combine(_directory, "krakend.json");
        await File.WriteAllTextAsync(config, RepositoryFiles.Read("examples", "krakend.json"));
        var request = new PackageRequest(config, dist, Zip: true, Publish: true, Project: null, "switchyard");

        var exitCode = await PackageCommand.PackageAsync(request, new StringWriter(), errors, CancellationToken.None);

        exitCode.Should().Be(0, errors.ToString());
        using (var archive = ZipFile.OpenRead(dist + ".zip"))
        {
            ((uint)archive.GetEntry("app/switchyard")!.ExternalAttributes >> 16).Should().Be(Convert.ToUInt32("100755", 8));
        }

        var port = new Uri(ClosedPort.Host()).Port;
        using var process = Start(dist, port);
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(5) };
            await WaitUntilReadyAsync(client, process);

            using var health = await client.GetAsync("__health");
            health.StatusCode.Should().Be(HttpStatusCode.OK);
            JsonNode.Parse(await health.Content.ReadAsStringAsync())!["agent_status"]!.AsObject()
                .Should().ContainKey("signup-events", "the in-process agent runs inside the packaged app too");
            using var echo = await client.GetAsync("__echo/packaged?x=1");
            echo.StatusCode.Should().Be(HttpStatusCode.OK);
            JsonNode.Parse(await echo.Content.ReadAsStringAsync())!["req_uri"]!.GetValue<string>().Should().Be("/__echo/packaged?x=1");
        }
        finally
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
    }

    /// <summary>Starts the handler from the package's <c>host.json</c>: its executable, working directory and arguments.</summary>
    private static Process Start(string dist, int port)
    {
        var description = JsonNode.Parse(File.ReadAllText(Path.Combine(dist, "host.json")))!["customHandler"]!["description"]!;
        var start = new ProcessStartInfo(Path.Combine(dist, description["defaultExecutablePath"]!.GetValue<string>()))
        {
            WorkingDirectory = Path.Combine(dist, description["workingDirectory"]!.GetValue<string>()),
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in description["arguments"]!.AsArray())
        {
            start.ArgumentList.Add(argument!.GetValue<string>());
        }

        start.Environment["FUNCTIONS_CUSTOMHANDLER_PORT"] = port.ToString(CultureInfo.InvariantCulture);
        var process = Process.Start(start)!;

        // Drained so a chatty handler never blocks on a full pipe.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Polls <c>GET /</c> as the host does (every 25 ms; any HTTP answer, even 404, means ready).</summary>
    private static async Task WaitUntilReadyAsync(HttpClient client, Process process)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < HostInitTimeout)
        {
            process.HasExited.Should().BeFalse("the handler must keep running (exit code {0})", process.HasExited ? process.ExitCode : 0);
            try
            {
                using var response = await client.GetAsync("");
                return;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(25);
            }
        }

        throw new TimeoutException($"The packaged handler did not answer GET / within {HostInitTimeout.TotalSeconds} s, the host's limit.");
    }
}
