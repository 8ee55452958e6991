using System.ComponentModel;
using System.Diagnostics;
using System.Reflection;

namespace Switchyard.Functions.Tests.Bicep;

/// <summary>
/// Runs the Bicep CLI (<c>bicep build</c>, <c>lint</c>, <c>build-params</c>), the compiler Azure deploys Bicep with:
/// the self-contained executable of <c>Azure.Bicep.CommandLine.linux-x64</c>, which restore downloads (the test
/// project's <c>PackageDownload</c>) and whose path the build records as the assembly's <c>BicepCli</c> metadata.
/// </summary>
internal static class BicepCli
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    /// <summary>The executable's path in the NuGet global packages folder.</summary>
    public static string Path { get; } = typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(attribute => attribute.Key == "BicepCli").Value!;

    /// <summary>Runs <c>bicep <paramref name="arguments"/></c> in <paramref name="workingDirectory"/>.</summary>
    public static async Task<BicepRun> RunAsync(string workingDirectory, params string[] arguments)
    {
        File.Exists(Path).Should().BeTrue($"restore downloads the Bicep CLI to {Path} (PackageDownload of Switchyard.Functions.Tests)");
        MakeExecutable();
        var start = new ProcessStartInfo(Path)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"the Bicep CLI at {Path} could not be started", e);
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(Timeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new InvalidOperationException($"bicep {string.Join(' ', arguments)} did not finish within {Timeout.TotalSeconds} s");
            }

            return new BicepRun(process.ExitCode, await stdout, await stderr);
        }
    }

    // NuGet's extraction does not always keep a file's mode: give the owner the execute bit it needs.
    private static void MakeExecutable()
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("the Bicep CLI the tests restore is the linux-x64 build");
        }

        var mode = File.GetUnixFileMode(Path);
        if ((mode & UnixFileMode.UserExecute) == 0)
        {
            File.SetUnixFileMode(Path, mode | UnixFileMode.UserExecute);
        }
    }
}

/// <summary>One run of the Bicep CLI: its exit code and what it printed (diagnostics go to standard error).</summary>
internal sealed record BicepRun(int ExitCode, string Output, string Diagnostics)
{
    /// <summary>Everything printed, for failure messages.</summary>
    public override string ToString() => $"exit code {ExitCode}\n{Diagnostics}\n{Output}";
}
