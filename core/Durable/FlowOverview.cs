using System.Text.Json;
using System.Text.Json.Nodes;
using DurableTask.Core;

namespace Switchyard.Core.Durable;

/// <summary>A flow as the operations commands see it: its state and the pipe it runs.</summary>
/// <param name="State">What is known of the flow.</param>
/// <param name="Pipe">The JSON path of the pipe the flow runs (<c>endpoints[0]</c>, or a nested workflow's path), or
/// <c>?</c> when its input names none.</param>
public sealed record FlowOverview(FlowState State, string Pipe)
{
    /// <summary>The flow's own outcome from its record (<c>running</c>, <c>completed</c>, <c>failed</c>,
    /// <c>compensation_failed</c>), or empty before its first step is recorded.</summary>
    public string Outcome => RecordField("outcome");

    /// <summary>True for a nested workflow's flow (a sub-orchestration), false for a flow a request or message started.</summary>
    public bool IsNested => Pipe.EndsWith(".workflow", StringComparison.Ordinal);

    internal static FlowOverview From(OrchestrationState state) => new(FlowState.From(state), PipeOf(state.Input));

    // The engine keeps the flow's input (PipeOrchestration.Input) as JSON text of that string.
    private static string PipeOf(string? input)
    {
        try
        {
            var node = string.IsNullOrEmpty(input) ? null : JsonNode.Parse(input);
            if (node is JsonValue text && text.TryGetValue<string>(out var inner))
            {
                node = JsonNode.Parse(inner);
            }

            return node is JsonObject flow && flow["pipe"] is JsonValue pipe && pipe.TryGetValue<string>(out var path) ? path : "?";
        }
        catch (JsonException)
        {
            // A flow of another program on the same task hub: listed, with no pipe.
            return "?";
        }
    }

    private string RecordField(string name)
    {
        try
        {
            return State.Record.Length > 0 && JsonNode.Parse(State.Record) is JsonObject record
                && record[name] is JsonValue value && value.TryGetValue<string>(out var text)
                ? text
                : "";
        }
        catch (JsonException)
        {
            return "";
        }
    }
}
