using System.Diagnostics;

namespace Switchyard.Functions.Packaging;

/// <summary>
/// Publishes the <c>functions</c> project as the self-contained linux-x64 executable a Functions host starts
/// (<c>dotnet publish</c>, which needs no network once the packages are restored).
/// </summary>
internal static class AppPublisher
{
    public const string RuntimeIdentifier = "linux-x64";

    /// <summary>
    /// Runs <c>dotnet publish</c> into <paramref name="output"/>, compiled as <paramref name="runtime"/> says, without
    /// debug symbols (a deployment does not ship them). Returns null on success, else the tool's output to show.
    /// </summary>
    public static async Task<string?> PublishAsync(string project, string output, AppRuntime runtime, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] arguments =
        [
            "publish", project, "--nologo", "-c", "Release", "-r", RuntimeIdentifier, "--self-contained", "-p:DebugType=none", "-p:NativeDebugSymbols=false",
            "-p:CopyOutputSymbolsToPublishDirectory=false",
            $"-p:PublishAot={(runtime == AppRuntime.NativeAot ? "true" : "false")}",
            $"-p:PublishReadyToRun={(runtime == AppRuntime.ReadyToRun ? "true" : "false")}", "-o", output,
        ];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {start.FileName}");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        var log = await stdout.ConfigureAwait(false) + await stderr.ConfigureAwait(false);
        return process.ExitCode == 0 ? null : $"dotnet {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{log}";
    }

    /// <summary>The <c>dotnet</c> that runs this process when there is one (set by the SDK), else the one on PATH.</summary>
    private static string DotnetHost() => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
}
