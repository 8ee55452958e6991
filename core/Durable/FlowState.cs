using DurableTask.Core;
using Switchyard.Core.Pipeline;

namespace Switchyard.Core.Durable;

/// <summary>What is known of a flow: its engine status, times, its own record and, once it ended, its answer.</summary>
public sealed record FlowState
{
    public required string InstanceId { get; init; }

    /// <summary>The engine's status: <c>Pending</c>, <c>Running</c>, <c>Completed</c>, <c>Failed</c>, <c>Terminated</c>...</summary>
    public required string RuntimeStatus { get; init; }

    public DateTime CreatedAt { get; init; }

    public DateTime UpdatedAt { get; init; }

    /// <summary>The flow's record (<c>outcome</c>, <c>steps</c>, <c>failed_step</c>, compensations) as JSON, or empty.</summary>
    public string Record { get; init; } = "";

    /// <summary>The pipe's answer once the flow completed; null before (and for a terminated or broken flow).</summary>
    public ProxyResponse? Response { get; init; }

    /// <summary>Why the flow ended otherwise: the termination's reason or the engine's failure; null else.</summary>
    public string? Failure { get; init; }

    /// <summary>True once the flow will not change any more.</summary>
    public bool IsFinished { get; init; }

    /// <summary>The JSON path of the pipe the flow runs (<c>endpoints[0]</c>), or empty when its input is not known.</summary>
    public string Pipe { get; init; } = "";

    /// <summary>The secret of the flow's status URL, or null.</summary>
    public string? Token { get; init; }

    internal static FlowState From(OrchestrationState state)
    {
        var status = state.OrchestrationStatus;
        var completed = status == OrchestrationStatus.Completed && !string.IsNullOrEmpty(state.Output);
        var input = string.IsNullOrEmpty(state.Input) ? null : System.Text.Json.Nodes.JsonNode.Parse(Unquote(state.Input)) as System.Text.Json.Nodes.JsonObject;
        return new FlowState
        {
            Pipe = input?["pipe"]?.GetValue<string>() ?? "",
            Token = input?["token"]?.GetValue<string>(),
            InstanceId = state.OrchestrationInstance.InstanceId,
            RuntimeStatus = status.ToString(),
            CreatedAt = state.CreatedTime,
            UpdatedAt = state.LastUpdatedTime,
            Record = Unquote(state.Status ?? ""),
            Response = completed ? DurableJson.ReadResponse(Unquote(state.Output)) : null,
            Failure = status is OrchestrationStatus.Failed or OrchestrationStatus.Terminated
                ? state.FailureDetails?.ErrorMessage ?? Unquote(state.Output ?? "")
                : null,
            IsFinished = status is OrchestrationStatus.Completed or OrchestrationStatus.Failed or OrchestrationStatus.Terminated
                or OrchestrationStatus.Canceled,
        };
    }

    // The engine keeps a string output as JSON text of that string.
    private static string Unquote(string output) =>
        output.Length > 0 && output[0] == '"' ? System.Text.Json.Nodes.JsonNode.Parse(output)!.GetValue<string>() : output;
}
