using System.Diagnostics;
using System.Text;

namespace Switchyard.Core.Tests.FanOut.Celery;

/// <summary>A running Celery worker (a child process); disposing it stops it with SIGTERM (a warm shutdown), then kills it.</summary>
internal sealed class CeleryWorker : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(10);

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private CeleryWorker(Process process) => _process = process;

    /// <summary>Everything the worker wrote so far (its log), for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static async Task<CeleryWorker> StartAsync(ProcessStartInfo start)
    {
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var worker = new CeleryWorker(process);
        process.OutputDataReceived += (_, line) => worker.Append(line.Data);
        process.ErrorDataReceived += (_, line) => worker.Append(line.Data);
        process.Exited += (_, _) =>
        {
            // Waiting again lets the output readers reach the end, so the message holds the worker's last words.
            process.WaitForExit();
            worker._ready.TrySetException(
                new InvalidOperationException($"The Celery worker exited with code {process.ExitCode} before it was ready:\n{worker.Output}"));
        };
        if (!process.Start())
        {
            throw new InvalidOperationException("Could not start the Celery worker.");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await worker._ready.Task.WaitAsync(ReadyTimeout);
        }
        catch (TimeoutException)
        {
            await worker.DisposeAsync();
            throw new InvalidOperationException($"The Celery worker was not ready within {ReadyTimeout.TotalSeconds} s:\n{worker.Output}");
        }
        catch
        {
            await worker.DisposeAsync();
            throw;
        }

        return worker;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // Process.Kill sends SIGKILL; a warm shutdown needs SIGTERM, which .NET only sends through kill(1).
            using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await term.WaitForExitAsync();
            }

            using var timeout = new CancellationTokenSource(ShutdownTimeout);
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        // Celery's own readiness line: "<node> ready." once it consumes from its queues.
        if (line.EndsWith(" ready.", StringComparison.Ordinal))
        {
            _ready.TrySetResult();
        }
    }
}
