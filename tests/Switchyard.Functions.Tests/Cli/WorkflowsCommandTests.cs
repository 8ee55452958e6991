using System.CommandLine;
using Switchyard.Functions.Cli;
using Switchyard.Testing;

namespace Switchyard.Functions.Tests.Cli;

/// <summary>
/// <c>switchyard workflows</c> against a real task hub on Azurite, whose flows a real durable engine ran: a completed one,
/// a failed one and long-running ones (waiting an hour on a durable retry).
/// </summary>
public sealed class WorkflowsCommandTests(AzuriteServer azurite) : IClassFixture<AzuriteServer>
{
    [Fact]
    public async Task List_prints_the_flows_newest_first_with_pipe_status_outcome_and_times()
    {
        await using var hub = await DurableTaskHub.StartAsync(azurite);
        await hub.RunFlowAsync("/signup", "signup-1");
        await hub.RunFlowAsync("/broken", "broken-1");
        await hub.RunFlowAsync("/slow", "slow-1");
        var output = new StringWriter();
        var errors = new StringWriter();

        var exitCode = await WorkflowsList.ListAsync(new WorkflowListRequest(hub.ConfigPath, []), output, errors, TimeProvider.System, default);

        exitCode.Should().Be(0, errors.ToString());
        var rows = Rows(output.ToString());
        rows.Select(row => row[0]).Should().Equal("slow-1", "broken-1", "signup-1");
        rows[0][1..4].Should().Equal("endpoints[2]", "Running", "running");
        rows[1][1..4].Should().Equal("endpoints[1]", "Completed", "failed");
        rows[2][1..4].Should().Equal("endpoints[0]", "Completed", "completed");
        rows.Should().AllSatisfy(row => row[4].Should().MatchRegex(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$"));
        output.ToString().Should().Contain($"3 of 3 flows in task hub '{hub.TaskHub}', newest first");
    }

    [Fact]
    public async Task List_filters_by_status_and_age_and_keeps_the_newest()
    {
        await using var hub = await DurableTaskHub.StartAsync(azurite);
        await hub.RunFlowAsync("/signup", "signup-1");
        await hub.RunFlowAsync("/signup", "signup-2");
        await hub.RunFlowAsync("/slow", "slow-1");

        var (running, runningText) = await InvokeAsync("workflows", "list", "-c", hub.ConfigPath, "--status", "running");
        var (newest, newestText) = await InvokeAsync("workflows", "list", "-c", hub.ConfigPath, "-s", "Completed,Terminated", "--top", "1");
        var (none, noneText) = await InvokeAsync("workflows", "list", "-c", hub.ConfigPath, "--since", "1h", "--status", "Failed");

        running.Should().Be(0);
        Rows(runningText).Select(row => row[0]).Should().Equal("slow-1");
        newest.Should().Be(0);
        Rows(newestText).Select(row => row[0]).Should().Equal("signup-2");
        newestText.Should().Contain("1 of 2 flows");
        none.Should().Be(0);
        noneText.Should().Be($"no flows in task hub '{hub.TaskHub}'\n");
    }

    [Fact]
    public async Task Show_prints_the_fields_the_steps_and_the_output_or_the_failure()
    {
        await using var hub = await DurableTaskHub.StartAsync(azurite);
        await hub.RunFlowAsync("/signup", "signup-1");
        await hub.RunFlowAsync("/broken", "broken-1");

        var (completed, completedText) = await InvokeAsync("workflows", "show", "signup-1", "-c", hub.ConfigPath);
        var failedText = new StringWriter();
        var failed = await WorkflowsShow.ShowAsync(hub.ConfigPath, "broken-1", failedText, new StringWriter());

        completed.Should().Be(0);
        Fields(completedText).Should().Contain(
        [
            "instance id signup-1",
            "pipe endpoints[0] (POST /signup)",
            "status Completed",
            "outcome completed",
        ]);
        Rows(completedText).Should().ContainSingle().Which.Should().Equal("0", "endpoints[0].backend[0]", "completed", "1");
        completedText.Should().Contain("output (complete):\n{\n  \"id\": 7,\n  \"name\": \"ana\"\n}");
        failed.Should().Be(0);
        Fields(failedText.ToString()).Should().Contain(["outcome failed", "failed step 0"]);
        Rows(failedText.ToString()).Should().ContainSingle().Which.Should().Equal("0", "endpoints[1].backend[0]", "failed", "1");
        failedText.ToString().Should().Contain("output (incomplete, error: invalid status code 400");
    }

    [Fact]
    public async Task Show_and_terminate_refuse_an_unknown_id_with_exit_code_1()
    {
        await using var hub = await DurableTaskHub.StartAsync(azurite);
        var errors = new StringWriter();

        (await WorkflowsShow.ShowAsync(hub.ConfigPath, "nope", new StringWriter(), errors)).Should().Be(1);
        (await WorkflowsTerminate.TerminateAsync(new WorkflowTerminateRequest(hub.ConfigPath, "nope"), new StringWriter(), errors, TimeProvider.System, default))
            .Should().Be(1);

        errors.ToString().Should().Be(
            $"error: no flow 'nope' in task hub '{hub.TaskHub}'\n" + $"error: no flow 'nope' in task hub '{hub.TaskHub}'\n");
    }

    [Fact]
    public async Task Terminate_ends_a_running_flow_and_its_nested_workflow_with_the_reason()
    {
        await using var hub = await DurableTaskHub.StartAsync(azurite);
        await hub.RunFlowAsync("/slow", "slow-1");
        await hub.RunFlowAsync("/nested", "nested-1");
        (await hub.GetAsync("nested-1:0"))!.RuntimeStatus.Should().Be("Running");

        var (slow, slowText) = await InvokeAsync("workflows", "terminate", "slow-1", "-c", hub.ConfigPath, "--reason", "the payment provider is down");
        var nestedText = new StringWriter();
        var nested = await WorkflowsTerminate.TerminateAsync(
            new WorkflowTerminateRequest(hub.ConfigPath, "nested-1"), nestedText, new StringWriter(), TimeProvider.System, default);

        slow.Should().Be(0);
        slowText.Should().Be("terminated flow 'slow-1': the payment provider is down\n");
        var state = await hub.GetAsync("slow-1");
        state!.RuntimeStatus.Should().Be("Terminated");
        state.Failure.Should().Be("the payment provider is down");
        nested.Should().Be(0);
        nestedText.ToString().Should().Be($"terminated flow 'nested-1': {WorkflowsTerminate.DefaultReason}\n");
        (await hub.WaitAsync("nested-1:0", child => child.IsFinished)).RuntimeStatus.Should().Be("Terminated");
    }

    [Fact]
    public async Task Terminate_refuses_a_flow_that_has_ended()
    {
        await using var hub = await DurableTaskHub.StartAsync(azurite);
        await hub.RunFlowAsync("/signup", "signup-1");
        var errors = new StringWriter();

        var exitCode = await WorkflowsTerminate.TerminateAsync(
            new WorkflowTerminateRequest(hub.ConfigPath, "signup-1"), new StringWriter(), errors, TimeProvider.System, default);

        exitCode.Should().Be(1);
        errors.ToString().Should().Be("error: flow 'signup-1' has already ended (Completed): nothing to terminate\n");
        (await hub.GetAsync("signup-1"))!.RuntimeStatus.Should().Be("Completed");
    }

    [Fact]
    public async Task Purge_deletes_the_finished_flows_created_before_the_age_and_keeps_the_running_and_the_recent()
    {
        await using var hub = await DurableTaskHub.StartAsync(azurite);
        await hub.RunFlowAsync("/signup", "old-completed");
        await hub.RunFlowAsync("/broken", "old-failed");
        await hub.RunFlowAsync("/slow", "old-running");
        await Task.Delay(100);
        var cutoff = DateTimeOffset.UtcNow;
        await Task.Delay(100);
        await hub.RunFlowAsync("/signup", "recent-completed");
        var output = new StringWriter();
        var errors = new StringWriter();

        // An hour after the cutoff, "older than 1h" is everything created before it.
        var exitCode = await WorkflowsPurge.PurgeAsync(hub.ConfigPath, "1h", output, errors, new ManualTimeProvider(cutoff.AddHours(1)));

        exitCode.Should().Be(0, errors.ToString());
        output.ToString().Should().Be(
            $"purged 2 finished flows created before {cutoff.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC from task hub '{hub.TaskHub}'\n");
        (await hub.GetAsync("old-completed")).Should().BeNull();
        (await hub.GetAsync("old-failed")).Should().BeNull();
        (await hub.GetAsync("old-running"))!.RuntimeStatus.Should().Be("Running");
        (await hub.GetAsync("recent-completed"))!.RuntimeStatus.Should().Be("Completed");
    }

    [Fact]
    public async Task The_commands_run_no_step_and_take_no_flow()
    {
        // Only the engine's client side: the flow is recorded and waits for a worker, which the commands must not be.
        await using var hub = await DurableTaskHub.StartAsync(azurite, startWorker: false);
        await hub.StartFlowAsync("/signup", "pending-1");

        var (listed, listText) = await InvokeAsync("workflows", "list", "-c", hub.ConfigPath);
        var (shown, showText) = await InvokeAsync("workflows", "show", "pending-1", "-c", hub.ConfigPath);
        await Task.Delay(TimeSpan.FromSeconds(1));

        listed.Should().Be(0);
        Rows(listText).Should().ContainSingle().Which[..3].Should().Equal("pending-1", "endpoints[0]", "Pending");
        shown.Should().Be(0);
        Fields(showText).Should().Contain("status Pending");
        (await hub.GetAsync("pending-1"))!.RuntimeStatus.Should().Be("Pending");
        hub.Backend.Received.Should().BeEmpty();
    }

    [Fact]
    public async Task A_termination_queued_while_no_gateway_runs_is_applied_when_one_starts()
    {
        await using var hub = await DurableTaskHub.StartAsync(azurite, startWorker: false);
        await hub.StartFlowAsync("/signup", "pending-1");

        var (exitCode, text) = await InvokeAsync(
            "workflows", "terminate", "pending-1", "-c", hub.ConfigPath, "--wait", "300ms", "--reason", "duplicate");
        await hub.StartWorkerAsync();
        var state = await hub.WaitAsync("pending-1", flow => flow.IsFinished);

        exitCode.Should().Be(0);
        text.Should().Be(
            "termination of flow 'pending-1' queued (status now Pending): "
                + $"a gateway process of task hub '{hub.TaskHub}' applies it when it next runs the flow\n");
        state.RuntimeStatus.Should().Be("Terminated");
        state.Failure.Should().Be("duplicate");
    }

    /// <summary>Runs the command line as <c>switchyard</c> would, with its output and errors captured.</summary>
    internal static async Task<(int ExitCode, string Output)> InvokeAsync(params string[] args)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var exitCode = await SwitchyardCommand.Create().Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = errors });
        return (exitCode, output + errors.ToString());
    }

    /// <summary>The body rows of the tables in <paramref name="text"/>, as trimmed cells.</summary>
    internal static List<string[]> Rows(string text) =>
    [
        .. text.Split('\n')
            .Where(line => line.StartsWith('│'))
            .Select(line => line.Trim().Trim('│').Split('│').Select(cell => cell.Trim()).ToArray())
            .Where(cells => cells[0] is not ("instance id" or "step")),
    ];

    /// <summary>The lines of <c>show</c>'s fields, their spaces squeezed: <c>status Completed</c>.</summary>
    private static List<string> Fields(string text) =>
        [.. text.Split('\n').Select(line => System.Text.RegularExpressions.Regex.Replace(line.Trim(), @"\s+", " "))];
}
