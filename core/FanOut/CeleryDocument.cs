using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Switchyard.Core.FanOut;

/// <summary>
/// Leek's event → document transform (reference §4), for an API that stores documents as they come: the type becomes
/// <c>kind</c> and <c>state</c>, timestamps become integer milliseconds (<c>exact_timestamp</c> keeps the seconds),
/// the state's <c>&lt;state&gt;_at</c> is set, a task is keyed by its uuid and a worker by its hostname, nulls are
/// dropped. Not done here (left to the API): the <c>args_N</c>/<c>kwargs_flattened</c> expansion and traceback parsing.
/// </summary>
internal static class CeleryDocument
{
    /// <summary>The document of a valid event (see <see cref="CeleryEventSchema"/>).</summary>
    public static JsonObject From(JsonElement item, string appEnv, long nowMs)
    {
        var type = item.GetProperty("type").GetString()!;
        var (kind, state, atField) = CeleryStates.Of(type) ?? throw new ArgumentException($"unknown event type '{type}'", nameof(item));
        var seconds = item.GetProperty("timestamp").GetDouble();
        var milliseconds = (long)Math.Round(seconds * 1000);
        var document = new JsonObject();
        foreach (var property in item.EnumerateObject())
        {
            if (property.Name != "type" && property.Value.ValueKind != JsonValueKind.Null)
            {
                document[property.Name] = JsonNode.Parse(property.Value.GetRawText());
            }
        }

        document["kind"] = kind;
        document["state"] = state;
        document["exact_timestamp"] = seconds;
        document["timestamp"] = milliseconds;
        document[atField] = milliseconds;
        document["app_env"] = appEnv;
        document["updated_at"] = nowMs;
        if (kind == CeleryStates.Task)
        {
            document.Remove("uuid");
            document["id"] = item.GetProperty("uuid").GetString();
            if (document["hostname"] is { } hostname)
            {
                document.Remove("hostname");
                document[state == "QUEUED" ? "client" : "worker"] = hostname;
            }

            ToMilliseconds(document, "eta");
            ToMilliseconds(document, "expires");
            if (document["name"]?.GetValue<string>() is { } name)
            {
                var dot = name.LastIndexOf('.');
                document["name_parts"] = new JsonObject { ["module"] = dot < 0 ? "" : name[..dot], ["function"] = name[(dot + 1)..] };
            }

            document["events"] = new JsonArray(state);
            document["events_count"] = 1;
        }
        else
        {
            document["id"] = item.GetProperty("hostname").GetString();
        }

        return document;
    }

    private static void ToMilliseconds(JsonObject document, string field)
    {
        if (document[field]?.GetValue<string>() is { } text
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
        {
            document[field] = instant.ToUnixTimeMilliseconds();
        }
    }
}
