using System.CommandLine;

namespace Switchyard.Functions.Cli;

/// <summary>
/// <c>switchyard workflows list|show ID|terminate ID|purge --older-than D [-c FILE]</c>: the durable flows of the task hub
/// of a configuration's <c>switchyard/durable</c> engine, printed as tables. The commands use the storage client alone:
/// they run no step and take no partition, so they can run beside the gateways (or while none runs).
/// </summary>
internal static class WorkflowsCommand
{
    public static Command Create() => new("workflows", "List, show, terminate and purge the durable flows of the configuration's task hub.")
    {
        WorkflowsList.Create(),
        WorkflowsShow.Create(),
        WorkflowsTerminate.Create(),
        WorkflowsPurge.Create(),
    };
}
