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
        using var process = ChildProcess.StartRedirected(Path.GetFileName(program), program, arguments);
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
