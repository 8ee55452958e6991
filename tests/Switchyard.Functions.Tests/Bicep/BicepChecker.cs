using System.ComponentModel;
using System.Diagnostics;

namespace Switchyard.Functions.Tests.Bicep;

/// <summary>Runs the offline syntax check, <c>node bicep/check/check.mjs [PATH...]</c>.</summary>
internal static class BicepChecker
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>Checks <paramref name="paths"/> (files or folders; none: the whole <c>bicep/</c> folder).</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(params string[] paths)
    {
        var checkFolder = Path.Combine(BicepFolder.Path, "check");
        Directory.Exists(Path.Combine(checkFolder, "node_modules")).Should().BeTrue(
            "the checker's packages are installed (./test.sh runs `npm ci --ignore-scripts` in bicep/check when they are missing)");

        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(checkFolder, "check.mjs"));
        foreach (var path in paths)
        {
            start.ArgumentList.Add(path);
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException("node is required for the Bicep syntax check and was not found on PATH (./test.sh installs it)", e);
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(Timeout);
            await process.WaitForExitAsync(timeout.Token);
            return (process.ExitCode, await stdout + await stderr);
        }
    }
}
