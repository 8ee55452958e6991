using System.Text.Json.Nodes;
using DurableTask.Core;
using Switchyard.Core.Pipeline;
using Switchyard.Core.Telemetry.Metrics;

namespace Switchyard.Core.Durable;

/// <summary>
/// The orchestration every durable pipe runs as, at any depth (a nested workflow is one too, as a sub-orchestration):
/// its input names the pipe by its JSON path, the merge's failure policy and the request; its output is the pipe's
/// answer, which the caller renders exactly as an in-memory pipe's. Its custom status is the flow's record
/// (<see cref="FlowStatus"/>). Its start and end are counted (<see cref="DurableMetrics"/>) only outside replays, so a flow
/// counts once whatever the number of episodes that rebuild it.
/// </summary>
internal sealed class PipeOrchestration(DurablePipes pipes) : TaskOrchestration<string, string>
{
    /// <summary>The name flows are started and nested by.</summary>
    public const string Name = "switchyard.pipe";

    private FlowRun? _run;

    /// <summary>
    /// The input of a flow of the pipe at <paramref name="pipePath"/>; <paramref name="token"/> is the secret of its status
    /// URL (kept in the task hub, so any process can check it), or null.
    /// </summary>
    public static string Input(string pipePath, MergeFailurePolicy policy, ProxyRequest request, string? token = null) => DurableJson.Text(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("pipe", pipePath);
        writer.WriteString("policy", policy.ToString());
        if (token is not null)
        {
            writer.WriteString("token", token);
        }

        writer.WritePropertyName("request");
        DurableJson.WriteRequest(writer, request);
        writer.WriteEndObject();
    });

    public override async Task<string> RunTask(OrchestrationContext context, string input)
    {
        var flow = JsonNode.Parse(input)!.AsObject();
        var pipe = pipes.Pipe(flow["pipe"]!.GetValue<string>());
        var policy = Enum.Parse<MergeFailurePolicy>(flow["policy"]!.GetValue<string>());
        var request = DurableJson.ReadRequest(flow["request"]!.AsObject());

        if (!context.IsReplaying)
        {
            DurableMetrics.Reached(pipe.Endpoint, DurableMetrics.Started);
        }

        _run = new FlowRun(context, new OrchestrationClock(context));
        var response = await _run.RunAsync(pipe, policy, request).ConfigureAwait(true);
        if (!context.IsReplaying)
        {
            DurableMetrics.Reached(pipe.Endpoint, _run.Status.FinalState);
        }

        return DurableJson.Write(response);
    }

    public override string OnGetStatus() => _run?.Status.ToJson() ?? "";
}
