using System.Diagnostics;

namespace Switchyard.Core.Tests.FanOut.Celery;

/// <summary>
/// The Celery test app of <c>infra/celery</c>, run through its <c>run.sh</c> (Debian's Python and Celery) against a
/// broker: a worker as a child process, and the sender of test tasks.
/// </summary>
internal static class CeleryApp
{
    /// <summary>The broker URL in kombu's form: the default vhost is the path <c>//</c>.</summary>
    public static string BrokerUrl(int port) => $"amqp://guest:guest@127.0.0.1:{port}//";

    /// <summary>Sends <paramref name="count"/> of each task (add, boom, flaky) and returns their names and ids.</summary>
    public static async Task<IReadOnlyList<(string Name, string Id)>> SendAsync(string brokerUrl, int count)
    {
        using var process = Process.Start(Start(brokerUrl, "send", count.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            ?? throw new InvalidOperationException("Could not run infra/celery/run.sh send.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
        var output = await stdout;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"infra/celery/run.sh send failed with exit code {process.ExitCode}:\n{output}{await stderr}");
        }

        return [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split(' ', 2))
            .Select(parts => (parts[0], parts[1]))];
    }

    /// <summary>Starts a worker and waits until it reports ready; throws with its output when it exits or hangs instead.</summary>
    public static Task<CeleryWorker> StartWorkerAsync(string brokerUrl) =>
        CeleryWorker.StartAsync(Start(brokerUrl, "worker", "-n", $"switchyard-{Guid.NewGuid():N}@%h"));

    private static ProcessStartInfo Start(string brokerUrl, params string[] arguments)
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
            StandardErrorEncoding = System.Text.Encoding.UTF8,
        };
        start.ArgumentList.Add(FindScript());
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["CELERY_BROKER_URL"] = brokerUrl;
        return start;
    }

    /// <summary>infra/celery/run.sh of the repository the tests were built from, found upwards from the test binaries.</summary>
    private static string FindScript()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var script = Path.Combine(directory.FullName, "infra", "celery", "run.sh");
            if (File.Exists(script))
            {
                return script;
            }
        }

        throw new InvalidOperationException($"infra/celery/run.sh was not found above {AppContext.BaseDirectory}.");
    }
}
