using System.CommandLine;
using Switchyard.Core.Configuration;

namespace Switchyard.Functions.Cli;

/// <summary>
/// <c>switchyard check -c FILE [--strict]</c>: validates a configuration and the PEM files its <c>tls</c> and
/// <c>client_tls</c> name and the static fan-out subscriptions of the environment, prints every problem and ends with
/// one summary line; exits 1 on any error, and with
/// <c>--strict</c> on any warning too (for CI gates).
/// </summary>
internal static class CheckCommand
{
    public static Command Create()
    {
        var config = ConfigFileOption.Create();
        var strict = new Option<bool>("--strict") { Description = "Treat every warning as an error (exit code 1)." };
        var command = new Command("check", "Validate a configuration file and list every problem with its JSON path.") { config, strict };
        command.SetAction(result => Check(ConfigFileOption.Resolve(result.GetValue(config)), Console.Out, Console.Error, result.GetValue(strict)));
        return command;
    }

    public static int Check(string path, TextWriter output, TextWriter errors, bool strict = false)
    {
        var (result, tls) = TlsFileCheck.Apply(StaticSubscriptionCheck.Apply(ConfigLoader.LoadFile(path)), serveHttps: true);
        tls?.Dispose();
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
}
