using System.ComponentModel;
using System.Diagnostics;

namespace Switchyard.LoadBench;

/// <summary>What a program the benchmark ran to its end printed, and how it exited.</summary>
internal sealed record ProgramRun(int ExitCode, string Output, string Errors)
{
    /// <summary>
    /// Runs <paramref name="program"/> to its end; a stopped benchmark kills it, so nothing is left running.
    /// </summary>
    public static async Task<ProgramRun> RunAsync(string program, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(program) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        }
        catch (Win32Exception error)
        {
            throw new InvalidOperationException($"cannot run {program} ({error.Message}); bench/run.sh installs it.", error);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var errors = process.StandardError.ReadToEndAsync(cancellationToken);
            try
            {
                await process.WaitForExitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                process.Kill();
                throw;
            }

            return new ProgramRun(process.ExitCode, await output, await errors);
        }
    }
}
