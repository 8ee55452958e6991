using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Switchyard.ColdStartBench;

/// <summary>
/// One cold start, as the Functions host makes it: the executable started in its folder with
/// <c>run -c krakend.json</c> and <c>FUNCTIONS_CUSTOMHANDLER_PORT</c>, timed from just before the process starts to the
/// first 200 from <c>/__health</c>, polled every 5 ms. The CPU time the process used by then is kept too: on a shared
/// machine it varies far less than the wall-clock time, and it is what ReadyToRun saves (no JIT compiling).
/// </summary>
internal static class ColdStartProbe
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    public static async Task<ColdStart> MeasureAsync(PublishedApp app)
    {
        var port = FreePort();
        var start = new ProcessStartInfo(app.Executable)
        {
            WorkingDirectory = app.Directory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("run");
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(PublishedApp.ConfigName);
        start.Environment["FUNCTIONS_CUSTOMHANDLER_PORT"] = port.ToString(CultureInfo.InvariantCulture);

        using var client = new HttpClient(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(1) })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port}/"),
            Timeout = TimeSpan.FromSeconds(5),
        };
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            while (clock.Elapsed < Limit && !process.HasExited)
            {
                try
                {
                    using var response = await client.GetAsync("__health");
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        var elapsed = clock.Elapsed;
                        return new ColdStart(elapsed, process.TotalProcessorTime);
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }

                await Task.Delay(5);
            }

            throw new InvalidOperationException($"{app.Name}: no 200 from /__health within {Limit.TotalSeconds} s (exited: {process.HasExited}).");
        }
        finally
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}

/// <summary>One start: wall-clock time to the first 200, and the CPU time (user + system) the process had used by then.</summary>
internal sealed record ColdStart(TimeSpan Elapsed, TimeSpan Cpu);
