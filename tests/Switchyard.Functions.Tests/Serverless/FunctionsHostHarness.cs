using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using Switchyard.Core.Configuration;
using Switchyard.Functions.Hosting;
using Switchyard.Functions.Serverless;
using Switchyard.Functions.Tests.Agents;
using Switchyard.Testing;

namespace Switchyard.Functions.Tests.Serverless;

/// <summary>
/// Does what the Azure Functions host does with a custom handler, since the host itself cannot be installed here:
/// starts the handler with <c>FUNCTIONS_CUSTOMHANDLER_PORT</c>, polls <c>GET /</c> every 25 ms until any answer, proxies
/// HTTP requests with their original path, and POSTs invocation payloads to <c>/{function}</c> with the host's headers,
/// delivering a message again on a non-2xx answer until the queue's delivery limit, where it dead-letters it.
/// </summary>
internal sealed class FunctionsHostHarness : IAsyncDisposable
{
    /// <summary>The host's start-up limit for a custom handler (30 s on Flex Consumption).</summary>
    private static readonly TimeSpan InitTimeout = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan ProbeInterval = TimeSpan.FromMilliseconds(25);

    private readonly Func<ValueTask> _stop;
    private readonly Func<string> _output;

    private FunctionsHostHarness(Uri baseAddress, Func<ValueTask> stop, Func<string> output)
    {
        _stop = stop;
        _output = output;
        Client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = baseAddress };
    }

    /// <summary>The host's client to the handler (<c>http://127.0.0.1:{port}/</c>).</summary>
    public HttpClient Client { get; }

    /// <summary>How long the first readiness probe answer took to come, from the start of the handler.</summary>
    public TimeSpan ReadyAfter { get; private set; }

    /// <summary>The handler's output (child process only).</summary>
    public string Output => _output();

    /// <summary>The gateway in this process, in Functions mode, as <see cref="GatewayApp"/> builds it for the host.</summary>
    public static async Task<FunctionsHostHarness> StartInProcessAsync(string krakendJson, ILoggerProvider? logs = null)
    {
        var result = ConfigLoader.Parse(krakendJson);
        result.Errors.Should().BeEmpty("the test configuration must be valid");
        var clock = Stopwatch.StartNew();
        var app = GatewayApp.Create(
            result.Config!,
            "http://127.0.0.1:0",
            serverless: new ServerlessOptions { UnderFunctionsHost = true },
            configureLogging: logging =>
            {
                if (logs is not null)
                {
                    logging.AddProvider(logs).SetMinimumLevel(LogLevel.Debug);
                }
            });
        await app.StartAsync();
        var harness = new FunctionsHostHarness(new Uri(app.Urls.First().TrimEnd('/') + "/"), () => StopAsync(app), () => "");
        await harness.WaitUntilReadyAsync(clock, hasExited: () => false);
        return harness;
    }

    /// <summary>
    /// The real <c>switchyard</c> executable as the host starts it: a child process whose only hint is
    /// <c>FUNCTIONS_CUSTOMHANDLER_PORT</c> (and the host's other variables), with <c>run -c FILE</c> as arguments.
    /// </summary>
    /// <param name="configPath">The configuration.</param>
    /// <param name="executable">A published executable (a packaged app's); by default the build's, run by <c>dotnet</c>.</param>
    public static async Task<FunctionsHostHarness> StartProcessAsync(string configPath, string? executable = null)
    {
        var port = new Uri(ClosedPort.Host()).Port;
        var start = new ProcessStartInfo(executable ?? GatewayProcess.DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(configPath)!,
        };
        foreach (var argument in (executable is null ? [GatewayProcess.FindExecutable()] : Array.Empty<string>()).Concat(["run", "-c", configPath]))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["FUNCTIONS_CUSTOMHANDLER_PORT"] = port.ToString(CultureInfo.InvariantCulture);
        start.Environment["FUNCTIONS_HTTPWORKER_PORT"] = port.ToString(CultureInfo.InvariantCulture);
        start.Environment["FUNCTIONS_CUSTOMHANDLER_WORKER_ID"] = Guid.NewGuid().ToString();
        start.Environment["FUNCTIONS_APP_ROOT_PATH"] = Path.GetDirectoryName(configPath)!;
        start.Environment["FUNCTIONS_WORKER_RUNTIME"] = "custom";

        var output = new ConcurrentQueue<string>();
        var clock = Stopwatch.StartNew();
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName}.");
        process.OutputDataReceived += (_, line) => Keep(output, line.Data);
        process.ErrorDataReceived += (_, line) => Keep(output, line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var harness = new FunctionsHostHarness(new Uri($"http://127.0.0.1:{port}/"), () => KillAsync(process), () => string.Join('\n', output));
        try
        {
            await harness.WaitUntilReadyAsync(clock, () => process.HasExited);
            return harness;
        }
        catch
        {
            await harness.DisposeAsync();
            throw;
        }
    }

    /// <summary>POSTs one invocation payload to <c>/{function}</c> with the headers the host sends.</summary>
    public async Task<HttpResponseMessage> InvokeAsync(string function, string payload)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, function)
        {
            Content = new StringContent(payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Azure-Functions-InvocationId", Guid.NewGuid().ToString());
        request.Headers.Add("X-Azure-Functions-HostVersion", "4.1041.200");
        request.Headers.TryAddWithoutValidation("User-Agent", "Azure-Functions-Host/4.1041.200");
        return await Client.SendAsync(request);
    }

    /// <summary>
    /// Delivers a message as a queue trigger does: invokes with delivery 1, and again with the next delivery count
    /// after each non-2xx answer, until a 2xx or <paramref name="maxDeliveryCount"/> deliveries (then it is dead-lettered).
    /// </summary>
    /// <param name="function">The function.</param>
    /// <param name="payloadOf">The payload of a delivery, by its number.</param>
    /// <param name="maxDeliveryCount">The queue's <c>maxDeliveryCount</c>.</param>
    public async Task<Delivery> DeliverAsync(string function, Func<int, string> payloadOf, int maxDeliveryCount)
    {
        var statuses = new List<HttpStatusCode>();
        for (var delivery = 1; delivery <= maxDeliveryCount; delivery++)
        {
            using var response = await InvokeAsync(function, payloadOf(delivery));
            statuses.Add(response.StatusCode);
            if (response.IsSuccessStatusCode)
            {
                return new Delivery(statuses, DeadLettered: false);
            }
        }

        return new Delivery(statuses, DeadLettered: true);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _stop();
    }

    private async Task WaitUntilReadyAsync(Stopwatch clock, Func<bool> hasExited)
    {
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(1) };
        while (true)
        {
            if (hasExited())
            {
                throw new InvalidOperationException($"The handler exited while starting; its output:\n{Output}");
            }

            try
            {
                // Any answer, even a 404, is "ready" to the host.
                using var response = await probe.GetAsync(Client.BaseAddress);
                ReadyAfter = clock.Elapsed;
                return;
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                if (clock.Elapsed > InitTimeout)
                {
                    throw new InvalidOperationException($"The handler did not answer GET / within {InitTimeout.TotalSeconds} s; its output:\n{Output}");
                }
            }

            await Task.Delay(ProbeInterval);
        }
    }

    private static async ValueTask StopAsync(WebApplication app)
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private static async ValueTask KillAsync(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private static void Keep(ConcurrentQueue<string> output, string? line)
    {
        if (line is not null)
        {
            output.Enqueue(line);
        }
    }

    /// <summary>What became of a message the harness delivered.</summary>
    /// <param name="Statuses">The handler's answer to each delivery.</param>
    /// <param name="DeadLettered">True when every delivery up to the limit failed.</param>
    internal sealed record Delivery(IReadOnlyList<HttpStatusCode> Statuses, bool DeadLettered);
}
