using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text.Json.Nodes;
using Switchyard.Functions.Tests.Hosting;
using Switchyard.Functions.Tests.Serverless;
using Switchyard.Testing;

namespace Switchyard.Functions.Tests.Packaging;

/// <summary>
/// The real thing, as the Functions host would run it: <c>examples/krakend.json</c> packaged with the default Native AOT
/// publish (<see cref="PackagedApp"/>, once for the class), then the packaged executable started as <c>host.json</c>
/// says, with <c>FUNCTIONS_CUSTOMHANDLER_PORT</c>, and probed and invoked as the host does.
/// </summary>
public sealed class PackagedAppTests(PackagedApp packaged) : IClassFixture<PackagedApp>
{
    /// <summary>How long the host waits for a custom handler to answer its first probe (Flex Consumption's limit).</summary>
    private static readonly TimeSpan HostInitTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public void The_package_holds_a_native_executable_that_keeps_its_exec_bit_in_the_zip()
    {
        packaged.Printed.Should().Contain("(Native AOT, for glibc 2.36 or newer");
        var executable = Path.Combine(packaged.Dist, "app", "switchyard");
        File.ReadAllBytes(executable).Take(4).Should().Equal((byte)0x7F, (byte)'E', (byte)'L', (byte)'F');
        File.Exists(Path.Combine(packaged.Dist, "app", "switchyard.dll")).Should().BeFalse("a Native AOT app has no managed assemblies");
        Directory.GetFiles(Path.Combine(packaged.Dist, "app"), "*.dbg").Should().BeEmpty("debug symbols are not deployed");
        using var archive = ZipFile.OpenRead(packaged.Zip);
        ((uint)archive.GetEntry("app/switchyard")!.ExternalAttributes >> 16).Should().Be(Convert.ToUInt32("100755", 8));
    }

    [Fact]
    public async Task The_packaged_executable_starts_as_the_host_starts_it_and_serves_the_endpoints()
    {
        var port = new Uri(ClosedPort.Host()).Port;
        using var process = Start(packaged.Dist, port);
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

    [Fact]
    public async Task The_packaged_executable_runs_an_agent_invocation_as_the_host_sends_it()
    {
        await using var backend = await TestBackend.StartAsync(context => TestBackend.Json(context, """{"ok":true}"""));
        var config = Path.Combine(packaged.Scratch, "agents.json");
        await File.WriteAllTextAsync(config, ServerlessConfig.For(backend.Host));

        await using var host = await FunctionsHostHarness.StartProcessAsync(config, Path.Combine(packaged.Dist, "app", "switchyard"));
        using var orders = await host.InvokeAsync(ServerlessConfig.OrdersFunction, HostPayloads.ServiceBus("""{"order":1}""", "m-1", 1));

        orders.StatusCode.Should().Be(HttpStatusCode.OK, host.Output);
        backend.Received.Select(r => (r.Target, r.Body)).Should().Equal(("/orders", """{"order":1}"""));
    }

    [Fact]
    public async Task The_native_executable_refuses_a_configuration_with_durable_pipes_when_it_loads()
    {
        var start = new ProcessStartInfo(Path.Combine(packaged.Dist, "app", "switchyard"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "run", "-c", RepositoryRoot.Combine("examples", "durable-signup.json") })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));

        process.ExitCode.Should().Be(1, await output);
        (await errors).Should().Contain("needs the durable engine, and this switchyard is a Native AOT build").And.NotContain("Unhandled exception");
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
