using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Switchyard.Testing;

/// <summary>
/// <c>node infra/oidc/server.mjs OPTIONS</c> as a child process: started, awaited until it prints its
/// <c>ready</c> line, and killed with its process tree. Its stderr (and any other stdout line) is kept for messages.
/// </summary>
internal sealed class OidcProviderProcess : IAsyncDisposable
{
    private const int LogLimit = 64 * 1024;

    private readonly Process _process;
    private readonly StringBuilder _log = new();
    private readonly TaskCompletionSource<string> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private OidcProviderProcess(Process process) => _process = process;

    /// <summary>What the server wrote to stderr so far (the last 64 KB).</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>
    /// Runs the server with <paramref name="optionsPath"/> and waits for its <c>ready ISSUER</c> line; throws with
    /// the server's output when node or the npm modules are missing, or when the server exits or stays silent.
    /// </summary>
    public static async Task<OidcProviderProcess> StartAsync(string optionsPath, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var directory = RepositoryRoot.Combine("infra", "oidc");
        if (!File.Exists(Path.Combine(directory, "node_modules", "oidc-provider", "package.json")))
        {
            throw new InvalidOperationException(
                $"oidc-provider is not installed in {directory}: run ./test.sh, or `npm ci --ignore-scripts` there.");
        }

        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(directory, "server.mjs"));
        start.ArgumentList.Add(optionsPath);

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var server = new OidcProviderProcess(process);
        process.OutputDataReceived += (_, line) => server.OnOutput(line.Data);
        process.ErrorDataReceived += (_, line) => server.Append(line.Data);
        process.Exited += (_, _) => server._ready.TrySetException(new InvalidOperationException(
            $"exited with code {process.ExitCode} before it was ready."));
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            process.Dispose();
            throw new InvalidOperationException($"Could not run node for infra/oidc/server.mjs: {e.Message}", e);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await server._ready.Task.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
            return server;
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException or OperationCanceledException)
        {
            // Disposing waits for the end of its output too, so the message below has all of it.
            await server.DisposeAsync().ConfigureAwait(false);
            if (e is OperationCanceledException)
            {
                throw;
            }

            var reason = e is TimeoutException ? $"printed no ready line within {timeout.TotalSeconds} s." : e.Message;
            throw new InvalidOperationException($"infra/oidc/server.mjs {reason} Its output:\n{server.Log}", e);
        }
    }

    /// <summary>Kills the server and its children, and waits until they are gone.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            await _process.WaitForExitAsync().ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            // Never started, or already reaped: nothing to stop.
        }
        finally
        {
            _process.Dispose();
        }
    }

    private void OnOutput(string? line)
    {
        if (line is null)
        {
            return;
        }

        if (line.StartsWith("ready ", StringComparison.Ordinal))
        {
            _ready.TrySetResult(line["ready ".Length..]);
        }
        else
        {
            Append(line);
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.AppendLine(line);
            if (_log.Length > LogLimit)
            {
                _log.Remove(0, _log.Length - LogLimit);
            }
        }
    }
}
