using System.CommandLine;

namespace Switchyard.Functions.Cli;

/// <summary>
/// <c>switchyard workflows purge --older-than D [-c FILE]</c>: deletes the history and state of the finished flows
/// (completed, failed, terminated, canceled) created more than D ago; running flows are kept whatever their age.
/// </summary>
internal static class WorkflowsPurge
{
    public static Command Create()
    {
        var config = ConfigFileOption.Create();
        var olderThan = new Option<string>("--older-than")
        {
            Description = "Purge finished flows created more than this Go duration ago (24h, 168h for 7 days).",
            Required = true,
        };
        var command = new Command("purge", "Delete finished flows older than a duration.") { config, olderThan };
        command.SetAction(result => PurgeAsync(
            ConfigFileOption.Resolve(result.GetValue(config)),
            result.GetValue(olderThan)!,
            result.InvocationConfiguration.Output,
            result.InvocationConfiguration.Error,
            TimeProvider.System));
        return command;
    }

    public static async Task<int> PurgeAsync(string configPath, string olderThan, TextWriter output, TextWriter errors, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        if (await DurationArgument.ParseAsync("--older-than", olderThan, errors).ConfigureAwait(false) is not { } age)
        {
            return 1;
        }

        var createdBefore = clock.GetUtcNow().UtcDateTime - age;
        return await TaskHubSession.RunAsync(configPath, errors, async (taskHub, _) =>
        {
            var purged = await taskHub.PurgeAsync(createdBefore).ConfigureAwait(false);
            await output.WriteLineAsync(
                $"purged {purged} finished {(purged == 1 ? "flow" : "flows")} created before {FlowTables.Time(createdBefore)} UTC "
                    + $"from task hub '{taskHub.TaskHub}'").ConfigureAwait(false);
            return 0;
        }).ConfigureAwait(false);
    }
}
