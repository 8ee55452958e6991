using System.Diagnostics;

namespace Switchyard.ColdStartBench;

/// <summary>
/// One variant of the packaged app: the <c>functions</c> project published self-contained for linux-x64 as
/// <c>switchyard package</c> publishes it (Native AOT, or ReadyToRun with <c>--runtime r2r</c>), and the configuration
/// beside the executable.
/// </summary>
internal sealed record PublishedApp(string Name, string Directory)
{
    public const string ConfigName = "krakend.json";

    public string Executable => Path.Combine(Directory, "switchyard");

    /// <summary>The size of the folder, in bytes.</summary>
    public long Size => new DirectoryInfo(Directory).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);

    /// <param name="nativeAot">Native AOT when true, else ReadyToRun: the properties <c>switchyard package</c> passes.</param>
    /// <param name="keepSymbols">Keep the executable's symbol table (not loaded at run time, so the layout is the same).</param>
    public static async Task<PublishedApp> PublishAsync(string repository, string name, bool nativeAot, string config, string output, bool keepSymbols = false)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        string[] arguments =
        [
            "publish", Path.Combine(repository, "functions", "Switchyard.Functions.csproj"), "--nologo", "-c", "Release",
            "-r", "linux-x64", "--self-contained", "-p:DebugType=none", "-p:NativeDebugSymbols=false",
            "-p:CopyOutputSymbolsToPublishDirectory=false",
            $"-p:PublishAot={(nativeAot ? "true" : "false")}", $"-p:PublishReadyToRun={(nativeAot ? "false" : "true")}", "-o", output,
            $"-p:StripSymbols={(keepSymbols ? "false" : "true")}",
        ];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var log = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet {string.Join(' ', arguments)} failed:\n{await log}{await errors}");
        }

        File.Copy(config, Path.Combine(output, ConfigName), overwrite: true);
        return new PublishedApp(name, output);
    }
}
