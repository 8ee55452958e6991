using System.CommandLine;
using Switchyard.Core.Configuration.Flexible;

namespace Switchyard.Functions.Cli;

/// <summary>
/// The <c>switchyard</c> command line: <c>run</c> (also the default), <c>check</c>, <c>send</c>, <c>package</c>,
/// <c>namespaces</c> and <c>workflows</c>.
/// </summary>
internal static class SwitchyardCommand
{
    public static RootCommand Create()
    {
        var run = RunCommand.Create();
        var root = new RootCommand("Switchyard: a declarative API gateway serving KrakenD-style krakend.json files.")
        {
            run,
            CheckCommand.Create(),
            SendCommand.Create(),
            PackageCommand.Create(),
            NamespacesCommand.Create(),
            WorkflowsCommand.Create(),
        };

        // `switchyard` alone (and `dotnet run --project functions`) serves the embedded default configuration, rendered
        // when FC_ENABLE asks for it.
        root.SetAction((result, cancellationToken) => RunCommand.RunAsync(
            null, null, cancellationToken, flexible: FlexibleConfigOptions.FromEnvironment(Environment.GetEnvironmentVariable)));
        return root;
    }
}
