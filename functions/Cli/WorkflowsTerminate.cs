using System.CommandLine;

namespace Switchyard.Functions.Cli;

/// <summary>
/// <c>switchyard workflows terminate ID [--reason TEXT] [--wait D] [-c FILE]</c>: ends a running flow (and its nested
/// workflows) with a reason, which becomes its output. A gateway process of the task hub applies it when it next runs
/// the flow: the command waits up to <c>--wait</c> to report the flow terminated, else says the termination is queued.
/// </summary>
internal static class WorkflowsTerminate
{
    /// <summary>The reason when none is given.</summary>
    public const string DefaultReason = "terminated with switchyard workflows terminate";

    private static readonly TimeSpan Polling = TimeSpan.FromMilliseconds(100);

    public static Command Create()
    {
        var config = ConfigFileOption.Create();
        var id = new Argument<string>("id") { Description = "The flow's instance id." };
        var reason = new Option<string>("--reason") { Description = "Why the flow is ended: its output.", DefaultValueFactory = _ => DefaultReason };
        var wait = new Option<string>("--wait")
        {
            Description = "How long to wait for a gateway to apply it (a Go duration).",
            DefaultValueFactory = _ => "10s",
        };
        var command = new Command("terminate", "End a running flow with a reason.") { id, config, reason, wait };
        command.SetAction((result, cancellationToken) => TerminateAsync(
            new WorkflowTerminateRequest(
                ConfigFileOption.Resolve(result.GetValue(config)), result.GetValue(id)!, result.GetValue(reason)!, result.GetValue(wait)!),
            result.InvocationConfiguration.Output,
            result.InvocationConfiguration.Error,
            TimeProvider.System,
            cancellationToken));
        return command;
    }

    public static async Task<int> TerminateAsync(
        WorkflowTerminateRequest request, TextWriter output, TextWriter errors, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clock);
        if (await DurationArgument.ParseAsync("--wait", request.Wait, errors).ConfigureAwait(false) is not { } wait)
        {
            return 1;
        }

        return await TaskHubSession.RunAsync(request.ConfigPath, errors, async (taskHub, _) =>
        {
            var before = await taskHub.TerminateAsync(request.InstanceId, request.Reason, cancellationToken).ConfigureAwait(false);
            if (before is null)
            {
                await errors.WriteLineAsync($"error: no flow '{request.InstanceId}' in task hub '{taskHub.TaskHub}'").ConfigureAwait(false);
                return 1;
            }

            if (before.State.IsFinished)
            {
                await errors.WriteLineAsync(
                    $"error: flow '{request.InstanceId}' has already ended ({before.State.RuntimeStatus}): nothing to terminate").ConfigureAwait(false);
                return 1;
            }

            var started = clock.GetTimestamp();
            var now = before;
            while (!now.State.IsFinished && clock.GetElapsedTime(started) < wait)
            {
                await Task.Delay(Polling, clock, cancellationToken).ConfigureAwait(false);
                now = await taskHub.GetAsync(request.InstanceId).ConfigureAwait(false) ?? now;
            }

            switch (now.State.RuntimeStatus)
            {
                case nameof(DurableTask.Core.OrchestrationStatus.Terminated):
                    await output.WriteLineAsync($"terminated flow '{request.InstanceId}': {now.State.Failure}").ConfigureAwait(false);
                    return 0;
                case var _ when now.State.IsFinished:
                    await errors.WriteLineAsync(
                        $"error: flow '{request.InstanceId}' ended {now.State.RuntimeStatus} before the termination applied").ConfigureAwait(false);
                    return 1;
                default:
                    await output.WriteLineAsync(
                        $"termination of flow '{request.InstanceId}' queued (status now {now.State.RuntimeStatus}): a gateway process of task hub "
                            + $"'{taskHub.TaskHub}' applies it when it next runs the flow").ConfigureAwait(false);
                    return 0;
            }
        }).ConfigureAwait(false);
    }
}

/// <summary>The arguments of <c>switchyard workflows terminate</c>.</summary>
/// <param name="ConfigPath">The configuration file.</param>
/// <param name="InstanceId">The flow's instance id.</param>
/// <param name="Reason">Why it is ended.</param>
/// <param name="Wait">How long to wait for it to be applied, as written (a Go duration).</param>
internal sealed record WorkflowTerminateRequest(
    string ConfigPath, string InstanceId, string Reason = WorkflowsTerminate.DefaultReason, string Wait = "10s");
