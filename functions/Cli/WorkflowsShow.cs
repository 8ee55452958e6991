using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Spectre.Console;
using Switchyard.Core.Configuration;
using Switchyard.Core.Durable;

namespace Switchyard.Functions.Cli;

/// <summary>
/// <c>switchyard workflows show ID [-c FILE]</c>: one flow — its status, outcome and times, the steps it recorded, then its
/// answer's data as JSON, or why it ended otherwise. The request it was started with is never printed: its headers may
/// carry credentials.
/// </summary>
internal static class WorkflowsShow
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static Command Create()
    {
        var config = ConfigFileOption.Create();
        var id = new Argument<string>("id") { Description = "The flow's instance id." };
        var command = new Command("show", "Show one flow: status, steps, and its output or failure.") { id, config };
        command.SetAction(result => ShowAsync(
            ConfigFileOption.Resolve(result.GetValue(config)),
            result.GetValue(id)!,
            result.InvocationConfiguration.Output,
            result.InvocationConfiguration.Error));
        return command;
    }

    public static Task<int> ShowAsync(string configPath, string instanceId, TextWriter output, TextWriter errors) =>
        TaskHubSession.RunAsync(configPath, errors, async (taskHub, config) =>
        {
            if (await taskHub.GetAsync(instanceId).ConfigureAwait(false) is not { } flow)
            {
                await errors.WriteLineAsync($"error: no flow '{instanceId}' in task hub '{taskHub.TaskHub}'").ConfigureAwait(false);
                return 1;
            }

            await WriteAsync(flow, config, output).ConfigureAwait(false);
            return 0;
        });

    private static async Task WriteAsync(FlowOverview flow, ServiceConfig config, TextWriter output)
    {
        var console = FlowTables.Console(output);
        var record = Record(flow.State.Record);
        var fields = new Table().Border(TableBorder.None).HideHeaders().AddColumns("", "");
        FlowTables.Row(fields, "instance id", flow.State.InstanceId);
        FlowTables.Row(fields, "pipe", Describe(flow.Pipe, config));
        FlowTables.Row(fields, "status", flow.State.RuntimeStatus);
        FlowTables.Row(fields, "outcome", flow.Outcome);
        FlowTables.Row(fields, "created (UTC)", FlowTables.Time(flow.State.CreatedAt));
        FlowTables.Row(fields, "updated (UTC)", FlowTables.Time(flow.State.UpdatedAt));
        OptionalRow(fields, "failed step", record?["failed_step"]);
        OptionalRow(fields, "compensated", record?["compensated"]);
        OptionalRow(fields, "compensation failed", record?["compensation_failed"]);
        console.Write(fields);

        if (record?["steps"] is JsonArray { Count: > 0 } steps)
        {
            var table = FlowTables.Table("step", "backend", "outcome", "attempts");
            foreach (var step in steps.OfType<JsonObject>())
            {
                FlowTables.Row(table, Text(step["step"]), Text(step["backend"]), Text(step["outcome"]), Text(step["attempts"]));
            }

            console.Write(table);
        }

        if (flow.State.Response is { } response)
        {
            var error = response.Error is { } failure ? $", error: {failure.Message}" : "";
            await output.WriteLineAsync($"output ({(response.IsComplete ? "complete" : "incomplete")}{error}):").ConfigureAwait(false);
            await output.WriteLineAsync(response.Data?.ToJsonString(Indented) ?? "null").ConfigureAwait(false);
        }
        else if (flow.State.Failure is { } reason)
        {
            await output.WriteLineAsync($"failure: {reason}").ConfigureAwait(false);
        }
    }

    // An endpoint's flow also says which route it serves, as long as the configuration still has it there.
    private static string Describe(string pipe, ServiceConfig config) =>
        config.Endpoints.FirstOrDefault(endpoint => endpoint.JsonPath == pipe) is { } endpoint
            ? $"{pipe} ({endpoint.Method} {endpoint.Endpoint})"
            : pipe;

    private static void OptionalRow(Table table, string name, JsonNode? value)
    {
        if (value is not null)
        {
            FlowTables.Row(table, name, value is JsonArray items ? string.Join(", ", items.Select(Text)) : Text(value));
        }
    }

    private static string Text(JsonNode? value) => value switch
    {
        null => "",
        JsonValue text when text.TryGetValue<string>(out var s) => s,
        _ => value.ToJsonString(),
    };

    private static JsonObject? Record(string record)
    {
        try
        {
            return record.Length > 0 ? JsonNode.Parse(record) as JsonObject : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
