using System.Diagnostics;

namespace Switchyard.Testing;

/// <summary>
/// A script of the repository's <c>infra/</c> folder (<c>rabbitmq.sh</c>, <c>azurite.sh</c>) run through bash to its
/// end: its standard output, or an exception that carries all of its output when it fails or overruns.
/// </summary>
internal static class InfraScript
{
    /// <summary>
    /// Runs <c>infra/<paramref name="script"/></c> with <paramref name="arguments"/>; kills it with its children when
    /// it does not finish within <paramref name="timeout"/>.
    /// </summary>
    public static Task<string> RunAsync(string script, TimeSpan timeout, params string[] arguments) =>
        RunAsync(script, timeout, new Dictionary<string, string>(), arguments);

    /// <summary>As <see cref="RunAsync(string, TimeSpan, string[])"/>, with <paramref name="environment"/> added to the script's environment.</summary>
    public static async Task<string> RunAsync(string script, TimeSpan timeout, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var name = $"infra/{script} {string.Join(' ', arguments)}";
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(RepositoryRoot.Combine("infra", script));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (variable, value) in environment)
        {
            start.Environment[variable] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not run bash for infra/{script}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{name} did not finish within {timeout.TotalSeconds} s.");
        }

        var output = await stdout.ConfigureAwait(false);
        var errors = await stderr.ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{name} failed with exit code {process.ExitCode}:\n{output}{errors}");
        }

        return output;
    }
}
