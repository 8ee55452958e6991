using System.Buffers;
using Switchyard.Core.Encoding;
using Microsoft.AspNetCore.Http;
using Switchyard.Core.Health;

namespace Switchyard.Functions.BuiltIn;

/// <summary>
/// KrakenD's <c>/__health</c> (moved by <c>router.health_path</c>): 200
/// <c>{"agents":{"name":"&lt;ts&gt;"},"now":"&lt;ts&gt;","status":"ok"}</c>, times in Go's <c>time.Time.String()</c>
/// layout in the provider's local zone. Register it for GET only: the router answers 405 to other methods. It
/// carries no <c>X-KrakenD-Completed</c> header, being no endpoint of the configuration.
/// </summary>
public sealed class HealthEndpoint(AgentHealthRegistry agents, TimeProvider timeProvider)
{
    /// <summary>The key of the agents' status objects.</summary>
    public const string AgentStatusKey = "agent_status";

    /// <summary>The default path.</summary>
    public const string DefaultPath = "/__health";

    /// <summary>Answers the request.</summary>
    public Task HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var zone = timeProvider.LocalTimeZone;
        var buffer = new ArrayBufferWriter<byte>(256);
        var json = new GoJsonWriter(buffer);
        json.WriteStartObject();
        json.WritePropertyName("agents");
        json.WriteStartObject();
        foreach (var (agent, lastPing) in agents.Snapshot())
        {
            json.WriteString(agent, GoTime.Format(lastPing, zone));
        }

        json.WriteEndObject();
        WriteAgentStatus(json, zone);
        json.WriteString("now", GoTime.Format(timeProvider.GetUtcNow(), zone));
        json.WriteString("status", "ok");
        json.WriteEndObject();
        return GoJsonResponse.WriteAsync(context.Response, buffer.WrittenMemory);
    }

    /// <summary>
    /// Switchyard's addition, under its own key so the KrakenD-shaped part stays as it is: what each agent is doing.
    /// Written only when the configuration has agents.
    /// </summary>
    private void WriteAgentStatus(GoJsonWriter json, TimeZoneInfo zone)
    {
        var statuses = agents.StatusSnapshot();
        if (statuses.Count == 0)
        {
            return;
        }

        json.WritePropertyName(AgentStatusKey);
        json.WriteStartObject();
        foreach (var (agent, status) in statuses)
        {
            json.WritePropertyName(agent);
            json.WriteStartObject();
            json.WritePropertyName("connected");
            json.WriteBooleanValue(status.Connected);
            json.WritePropertyName("in_flight");
            json.WriteNumberValue(status.InFlight);
            json.WritePropertyName("processed");
            json.WriteNumberValue(status.Processed);
            json.WritePropertyName("failed");
            json.WriteNumberValue(status.Failed);
            json.WritePropertyName("dead_lettered");
            json.WriteNumberValue(status.DeadLettered);
            json.WritePropertyName("reconnects");
            json.WriteNumberValue(status.Reconnects);
            json.WritePropertyName("last_error");
            if (status.LastError is { } error)
            {
                json.WriteStringValue(error);
            }
            else
            {
                json.WriteNullValue();
            }

            json.WritePropertyName("last_error_at");
            if (status.LastErrorAt is { } at)
            {
                json.WriteStringValue(GoTime.Format(at, zone));
            }
            else
            {
                json.WriteNullValue();
            }

            if (status.Flows is { } flows)
            {
                json.WritePropertyName("flows");
                json.WriteStartObject();
                foreach (var (name, count) in (ReadOnlySpan<(string, long)>)[
                    ("started", flows.Started), ("running", flows.Running), ("completed", flows.Completed), ("failed", flows.Failed)])
                {
                    json.WritePropertyName(name);
                    json.WriteNumberValue(count);
                }
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
    }
}
