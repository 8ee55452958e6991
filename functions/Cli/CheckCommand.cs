using System.CommandLine;
using Switchyard.Core.Configuration;

namespace Switchyard.Functions.Cli;

/// <summary><c>switchyard check -c FILE</c>: validates a configuration, prints every problem, exits 1 on any error.</summary>
internal static class CheckCommand
{
    public static Command Create()
    {
        var config = ConfigFileOption.Create();
        var command = new Command("check", "Validate a configuration file and list every problem with its JSON path.") { config };
        command.SetAction(result => Check(ConfigFileOption.Resolve(result.GetValue(config)), Console.Out, Console.Error));
        return command;
    }

    public static int Check(string path, TextWriter output, TextWriter errors)
    {
        var result = ConfigLoader.LoadFile(path);
        ConfigReport.Write(result, path, errors);
        if (result.Config is null)
        {
            return 1;
        }

        output.WriteLine($"{path}: the configuration is valid ({result.Config.Endpoints.Count} endpoints).");
        return 0;
    }
}
