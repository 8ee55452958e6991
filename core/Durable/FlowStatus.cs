using System.Text.Json;

namespace Switchyard.Core.Durable;

/// <summary>
/// What a flow records of itself while it runs, as the engine's custom status: each step with its outcome and
/// attempts, and in the end the flow's outcome — completed; failed at a step, with the compensations that ran; or a
/// compensation that failed. <c>GET /__workflows/{id}</c> and <c>switchyard workflows show</c> print it.
/// </summary>
internal sealed class FlowStatus
{
    private readonly List<StepRecord> _steps = [];
    private readonly List<string> _compensated = [];

    /// <summary><c>running</c>, <c>completed</c>, <c>failed</c> or <c>compensation_failed</c>.</summary>
    public string Outcome { get; set; } = "running";

    /// <summary>The first step that failed for good, or null.</summary>
    public string? FailedStep { get; private set; }

    /// <summary>The compensation that failed, or null.</summary>
    public string? CompensationFailed { get; set; }

    public void Step(string step, string backend, bool succeeded, int attempts)
    {
        _steps.Add(new StepRecord(step, backend, succeeded ? "completed" : "failed", attempts));
        if (!succeeded)
        {
            FailedStep ??= step;
        }
    }

    public void Compensated(string step) => _compensated.Add(step);

    /// <summary>How the flow ended for metrics: <see cref="Outcome"/>, or <c>compensated</c> for a failure whose steps were undone.</summary>
    public string FinalState => Outcome == "failed" && _compensated.Count > 0 ? "compensated" : Outcome;

    public string ToJson() => DurableJson.Text(Write);

    private void Write(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("outcome", Outcome);
        if (FailedStep is not null)
        {
            writer.WriteString("failed_step", FailedStep);
        }

        writer.WritePropertyName("steps");
        writer.WriteStartArray();
        foreach (var step in _steps)
        {
            writer.WriteStartObject();
            writer.WriteString("step", step.Step);
            writer.WriteString("backend", step.Backend);
            writer.WriteString("outcome", step.Outcome);
            writer.WriteNumber("attempts", step.Attempts);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        if (_compensated.Count > 0)
        {
            writer.WritePropertyName("compensated");
            writer.WriteStartArray();
            foreach (var step in _compensated)
            {
                writer.WriteStringValue(step);
            }

            writer.WriteEndArray();
        }

        if (CompensationFailed is not null)
        {
            writer.WriteString("compensation_failed", CompensationFailed);
        }

        writer.WriteEndObject();
    }

    private sealed record StepRecord(string Step, string Backend, string Outcome, int Attempts);
}
