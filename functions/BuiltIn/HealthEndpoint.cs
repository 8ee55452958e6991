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
        json.WriteString("now", GoTime.Format(timeProvider.GetUtcNow(), zone));
        json.WriteString("status", "ok");
        json.WriteEndObject();
        return GoJsonResponse.WriteAsync(context.Response, buffer.WrittenMemory);
    }
}
