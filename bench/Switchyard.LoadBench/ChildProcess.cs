using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;

namespace Switchyard.LoadBench;

/// <summary>
/// A server the benchmark started: its output is kept (the last lines, for error messages) and disposing kills it with
/// every process it started (nginx's workers), so nothing is left running.
/// </summary>
internal sealed class ChildProcess : IDisposable
{
    private const int KeptLines = 30;

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private ChildProcess(string name, Process process)
    {
        Name = name;
        _process = process;
    }

    public string Name { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>The last lines the process wrote to stdout and stderr.</summary>
    public string Output => string.Join('\n', _output);

    public static ChildProcess Start(string name, string program, IEnumerable<string> arguments, string? workingDirectory = null)
    {
        var process = StartRedirected(name, program, arguments, workingDirectory);
        var child = new ChildProcess(name, process);
        process.OutputDataReceived += (_, line) => child.Keep(line.Data);
        process.ErrorDataReceived += (_, line) => child.Keep(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Starts <paramref name="program"/> with its stdout and stderr redirected; a program that is not installed says where it comes from.</summary>
    public static Process StartRedirected(string name, string program, IEnumerable<string> arguments, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(program)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            return Process.Start(start) ?? throw new InvalidOperationException($"{name}: {program} did not start.");
        }
        catch (Win32Exception error)
        {
            throw new InvalidOperationException($"{name}: cannot run {program} ({error.Message}); bench/run.sh installs it.", error);
        }
    }

    /// <summary>Waits until the server answers <paramref name="url"/> with any HTTP status; fails loudly if it exits or never does.</summary>
    public async Task WaitUntilAnswersAsync(Uri url, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with code {_process.ExitCode} before answering {url}:\n{Output}");
            }

            try
            {
                using var response = await client.GetAsync(url, cancellationToken);
                return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Listening but slow to answer while it starts.
            }

            await Task.Delay(50, cancellationToken);
        }

        throw new InvalidOperationException($"{Name} did not answer {url} within 30 s:\n{Output}");
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // It exited between the check and the kill.
        }

        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > KeptLines && _output.TryDequeue(out _))
        {
        }
    }
}
