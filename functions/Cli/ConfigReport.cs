using Switchyard.Core.Configuration;

namespace Switchyard.Functions.Cli;

/// <summary>Prints a configuration's errors and warnings, one per line, each with its JSON path.</summary>
internal static class ConfigReport
{
    public static void Write(ConfigLoadResult result, string path, TextWriter output)
    {
        foreach (var error in result.Errors)
        {
            output.WriteLine($"error: {error}");
        }

        foreach (var warning in result.Warnings)
        {
            output.WriteLine($"warning: {warning}");
        }

        if (result.Errors.Count > 0)
        {
            output.WriteLine($"{path}: {result.Errors.Count} error(s) in the configuration.");
        }
    }
}
