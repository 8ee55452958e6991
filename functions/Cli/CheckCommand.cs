using System.CommandLine;
using Switchyard.Core.Configuration.Flexible;

namespace Switchyard.Functions.Cli;

/// <summary>
/// <c>switchyard check -c FILE [--strict] [--show-rendered] [--settings DIR] [--partials DIR] [--templates DIR] [--out FILE]</c>:
/// validates a configuration (rendered first when it is a flexible configuration), the PEM files its <c>tls</c> and
/// <c>client_tls</c> name and the static fan-out subscriptions of the environment, prints every problem and ends with
/// one summary line; exits 1 on any error, and with <c>--strict</c> on any warning too (for CI gates).
/// <c>--show-rendered</c> prints the JSON a template rendered.
/// </summary>
internal static class CheckCommand
{
    public static Command Create()
    {
        var config = ConfigFileOption.Create();
        var strict = new Option<bool>("--strict") { Description = "Treat every warning as an error (exit code 1)." };
        var showRendered = new Option<bool>("--show-rendered") { Description = "Print the JSON a flexible configuration's template rendered." };
        var command = new Command("check", "Validate a configuration file and list every problem with its JSON path.") { config, strict, showRendered };
        var flexible = FlexibleConfigFlags.AddTo(command);
        command.SetAction(result => Check(
            ConfigFileOption.Resolve(result.GetValue(config)),
            Console.Out,
            Console.Error,
            result.GetValue(strict),
            flexible.Resolve(result, Environment.GetEnvironmentVariable),
            result.GetValue(showRendered)));
        return command;
    }

    /// <param name="path">The configuration file.</param>
    /// <param name="output">Where the summary of a valid file and the rendered JSON go.</param>
    /// <param name="errors">Where problems go.</param>
    /// <param name="strict">Whether a warning fails the check.</param>
    /// <param name="flexible">Flexible configuration, or null to read the file as JSON.</param>
    /// <param name="showRendered">Whether the rendered JSON is printed.</param>
    public static int Check(
        string path, TextWriter output, TextWriter errors, bool strict = false, FlexibleConfigOptions? flexible = null, bool showRendered = false)
    {
        var (result, tls) = TlsFileCheck.Apply(StaticSubscriptionCheck.Apply(FlexibleConfigLoader.LoadFile(path, flexible, Environment.GetEnvironmentVariable)), serveHttps: true);
        tls?.Dispose();
        if (showRendered)
        {
            ShowRendered(result, output, errors);
        }

        ConfigReport.WriteProblems(result, errors);
        var summary = ConfigReport.SummaryLine(result, path);
        if (result.Config is null)
        {
            errors.WriteLine(summary);
            return 1;
        }

        if (strict && result.Warnings.Count > 0)
        {
            errors.WriteLine($"{summary} (--strict: warnings fail the check)");
            return 1;
        }

        output.WriteLine($"{summary}: the configuration is valid ({result.Config.Endpoints.Count} endpoints).");
        return 0;
    }

    private static void ShowRendered(Core.Configuration.ConfigLoadResult result, TextWriter output, TextWriter errors)
    {
        if (result.RenderedJson is { } json)
        {
            output.WriteLine(json);
        }
        else if (result.Errors.Count == 0)
        {
            errors.WriteLine($"note: --show-rendered: nothing was rendered: the file is plain JSON ({FlexibleConfigOptions.EnableVariable}, --settings, "
                + "--partials, --templates or --out render it as a template)");
        }
    }
}
