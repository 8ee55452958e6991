using System.Diagnostics.Metrics;

namespace Switchyard.Core.Telemetry.Metrics;

/// <summary>
/// <c>switchyard.durable.flows</c>: durable flows (an endpoint's, an agent's or a nested workflow's orchestration) by
/// <c>switchyard.durable.state</c> — <c>started</c> once when a flow begins, then one of <c>completed</c>,
/// <c>failed</c> (no step to compensate), <c>compensated</c> (failed, and its completed steps were undone) or
/// <c>compensation_failed</c> — and by <c>switchyard.durable.pipe</c>, the pipe's route (<c>/orders/:id</c>). Counted by
/// the process that runs the orchestration's episode, never again when the engine replays its history.
/// </summary>
internal static class DurableMetrics
{
    /// <summary>The state of a flow that began.</summary>
    public const string Started = "started";

    private static readonly Counter<long> Flows = GatewayMetrics.Meter.CreateCounter<long>(
        "switchyard.durable.flows", "{flow}", "Durable flows that started and that ended, by state.");

    /// <summary>One flow of the pipe <paramref name="pipeEndpoint"/> reached <paramref name="state"/>.</summary>
    public static void Reached(string pipeEndpoint, string state)
    {
        if (Flows.Enabled)
        {
            Flows.Add(1, new KeyValuePair<string, object?>("switchyard.durable.pipe", MetricRoute.OfEndpoint(pipeEndpoint)), new KeyValuePair<string, object?>("switchyard.durable.state", state));
        }
    }
}
