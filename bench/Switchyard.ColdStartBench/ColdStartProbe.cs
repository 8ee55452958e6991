using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Switchyard.ColdStartBench;

/// <summary>
/// One cold start, as the Functions host makes it: the executable started in its folder with
/// <c>run -c krakend.json</c> and <c>FUNCTIONS_CUSTOMHANDLER_PORT</c>, timed from just before the process starts to
/// readiness (the first answer, whatever its status, to <c>GET /</c>, the host's probe) and then to the first 200 from
/// <c>/__health</c>, each polled every 5 ms. The CPU time the process used by then is kept too: on a shared machine it
/// varies far less than the wall-clock time. Then the process is left idle for <see cref="Idle"/> and its resident
/// memory read.
/// </summary>
internal static class ColdStartProbe
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    /// <summary>How long the started process is left alone before its resident memory is read.</summary>
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(2);

    /// <param name="whileIdle">Called with the idle process before it is stopped, to look into it.</param>
    public static async Task<ColdStart> MeasureAsync(PublishedApp app, Action<Process>? whileIdle = null)
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
            var ready = await FirstAnswerAsync(client, "", _ => true, clock, process, app);
            await FirstAnswerAsync(client, "__health", status => status == HttpStatusCode.OK, clock, process, app);
            var elapsed = clock.Elapsed;
            var cpu = process.TotalProcessorTime;
            await Task.Delay(Idle);
            var idleRss = ResidentBytes(process.Id);
            whileIdle?.Invoke(process);
            return new ColdStart(ready, elapsed, cpu, idleRss);
        }
        finally
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
    }

    /// <summary>Polls <paramref name="path"/> until an answer whose status <paramref name="wanted"/> accepts.</summary>
    private static async Task<TimeSpan> FirstAnswerAsync(
        HttpClient client, string path, Func<HttpStatusCode, bool> wanted, Stopwatch clock, Process process, PublishedApp app)
    {
        while (clock.Elapsed < Limit && !process.HasExited)
        {
            try
            {
                using var response = await client.GetAsync(path);
                if (wanted(response.StatusCode))
                {
                    return clock.Elapsed;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(5);
        }

        throw new InvalidOperationException($"{app.Name}: no answer to /{path} within {Limit.TotalSeconds} s (exited: {process.HasExited}).");
    }

    /// <summary>The process's resident set (<c>VmRSS</c> in <c>/proc/PID/status</c>), in bytes.</summary>
    private static long ResidentBytes(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
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

/// <summary>
/// One start: wall-clock time to readiness and to the first 200, the CPU time (user + system) the process had used by
/// the first 200, and its resident memory once idle.
/// </summary>
internal sealed record ColdStart(TimeSpan Ready, TimeSpan Elapsed, TimeSpan Cpu, long IdleRss);
