using Switchyard.Core.Configuration;

namespace Switchyard.Functions.Cli;

/// <summary>Prints a configuration's errors and warnings, one per line, each with its JSON path, and their count.</summary>
internal static class ConfigReport
{
    /// <summary>Every problem, then, when there is an error, the summary line.</summary>
    public static void Write(ConfigLoadResult result, string path, TextWriter output)
    {
        WriteProblems(result, output);
        if (result.Errors.Count > 0)
        {
            output.WriteLine(SummaryLine(result, path));
        }
    }

    /// <summary>One <c>error: PATH: MESSAGE</c> line per error, then one <c>warning: ...</c> line per warning.</summary>
    public static void WriteProblems(ConfigLoadResult result, TextWriter output)
    {
        foreach (var error in result.Errors)
        {
            output.WriteLine($"error: {error}");
        }

        if (result.Errors.Count > 0 && result.RenderedJson is not null)
        {
            WriteRenderedPointer(result, output);
        }

        foreach (var warning in result.Warnings)
        {
            output.WriteLine($"warning: {warning}");
        }
    }

    // Positions in the rendered JSON mean little without it; Go prints a key the settings lack as "<no value>", the most
    // common cause of rendered JSON that does not parse, so the template actions that printed it are named.
    private static void WriteRenderedPointer(ConfigLoadResult result, TextWriter output)
    {
        output.WriteLine(result.RenderedFile is { } file
            ? $"note: the paths and positions above are in the JSON the template rendered, kept in {file}"
            : "note: the paths and positions above are in the JSON the template rendered: print it with "
                + "`switchyard check --show-rendered` (same options) or keep it with --out FILE (FC_OUT)");
        foreach (var noValue in result.RenderedNoValues)
        {
            output.WriteLine($"note: {noValue}: the settings have no such key (is its settings file missing from FC_SETTINGS?)");
        }
    }

    /// <summary><c>FILE: 2 errors, 1 warning</c>.</summary>
    public static string SummaryLine(ConfigLoadResult result, string path) =>
        $"{path}: {Count(result.Errors.Count, "error")}, {Count(result.Warnings.Count, "warning")}";

    private static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
