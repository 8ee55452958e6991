using System.CommandLine;
using DurableTask.Core;
using Switchyard.Core.Durable;

namespace Switchyard.Functions.Cli;

/// <summary>
/// <c>switchyard workflows list [-c FILE] [--status S]... [--since D] [--top N]</c>: the newest flows of the task hub, one
/// row each: instance id, pipe, runtime status, the flow's own outcome, created and updated times (UTC).
/// </summary>
internal static class WorkflowsList
{
    public static Command Create()
    {
        var config = ConfigFileOption.Create();
        var status = new Option<string[]>("--status", "-s")
        {
            Description = "Only flows in this runtime status (Running, Pending, Completed, Failed, Terminated...); repeat it or separate with commas.",
        };
        var since = new Option<string?>("--since") { Description = "Only flows created within this Go duration before now (24h, 168h)." };
        var top = new Option<int>("--top", "-n") { Description = "At most this many flows, the newest.", DefaultValueFactory = _ => 50 };
        var command = new Command("list", "List the newest flows of the task hub.") { config, status, since, top };
        command.SetAction((result, cancellationToken) => ListAsync(
            new WorkflowListRequest(
                ConfigFileOption.Resolve(result.GetValue(config)),
                result.GetValue(status) ?? [],
                result.GetValue(since),
                result.GetValue(top)),
            result.InvocationConfiguration.Output,
            result.InvocationConfiguration.Error,
            TimeProvider.System,
            cancellationToken));
        return command;
    }

    public static async Task<int> ListAsync(
        WorkflowListRequest request, TextWriter output, TextWriter errors, TimeProvider clock, CancellationToken cancellationToken)
    {
        var statuses = await StatusesAsync(request.Statuses, errors).ConfigureAwait(false);
        var since = request.Since is null ? TimeSpan.Zero : await DurationArgument.ParseAsync("--since", request.Since, errors).ConfigureAwait(false);
        if (statuses is null || since is null)
        {
            return 1;
        }

        if (request.Top < 1)
        {
            await errors.WriteLineAsync($"error: --top: must be at least 1, got {request.Top}").ConfigureAwait(false);
            return 1;
        }

        var query = new FlowQuery
        {
            Statuses = statuses,
            CreatedAfter = request.Since is null ? null : clock.GetUtcNow().UtcDateTime - since.Value,
            Top = request.Top,
        };
        return await TaskHubSession.RunAsync(request.ConfigPath, errors, async (taskHub, _) =>
        {
            var listing = await taskHub.ListAsync(query, cancellationToken).ConfigureAwait(false);
            if (listing.Matched == 0)
            {
                await output.WriteLineAsync($"no flows in task hub '{taskHub.TaskHub}'").ConfigureAwait(false);
                return 0;
            }

            var table = FlowTables.Table("instance id", "pipe", "status", "outcome", "created (UTC)", "updated (UTC)");
            foreach (var flow in listing.Flows)
            {
                FlowTables.Row(
                    table,
                    flow.State.InstanceId,
                    flow.Pipe,
                    flow.State.RuntimeStatus,
                    flow.Outcome,
                    FlowTables.Time(flow.State.CreatedAt),
                    FlowTables.Time(flow.State.UpdatedAt));
            }

            FlowTables.Console(output).Write(table);
            await output.WriteLineAsync(
                $"{listing.Flows.Count} of {listing.Matched} flows in task hub '{taskHub.TaskHub}', newest first").ConfigureAwait(false);
            return 0;
        }).ConfigureAwait(false);
    }

    private static async Task<OrchestrationStatus[]?> StatusesAsync(IReadOnlyList<string> texts, TextWriter errors)
    {
        var statuses = new List<OrchestrationStatus>();
        foreach (var text in texts.SelectMany(text => text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            var name = Enum.GetNames<OrchestrationStatus>().FirstOrDefault(name => name.Equals(text, StringComparison.OrdinalIgnoreCase));
            if (name is null)
            {
                await errors.WriteLineAsync(
                    $"error: --status: unknown status '{text}' (one of {string.Join(", ", Enum.GetNames<OrchestrationStatus>())})").ConfigureAwait(false);
                return null;
            }

            statuses.Add(Enum.Parse<OrchestrationStatus>(name));
        }

        return [.. statuses.Distinct()];
    }
}

/// <summary>The arguments of <c>switchyard workflows list</c>.</summary>
/// <param name="ConfigPath">The configuration file.</param>
/// <param name="Statuses">The <c>--status</c> values as written.</param>
/// <param name="Since">The <c>--since</c> duration as written, or null.</param>
/// <param name="Top">The <c>--top</c> count.</param>
internal sealed record WorkflowListRequest(string ConfigPath, IReadOnlyList<string> Statuses, string? Since = null, int Top = 50);
