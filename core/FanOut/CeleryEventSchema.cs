using System.Text.Json;

namespace Switchyard.Core.FanOut;

/// <summary>
/// Checks a Celery event against the fields Leek's transform needs (reference §4): the type, the common fields, and
/// the type's required fields with their JSON types; optional fields are checked when present. Unlike Leek, fields
/// the schema does not know are allowed (a newer Celery adding one must not turn every event into a dead letter), and
/// <c>freq</c> may be an integer or a float (Leek's int/float mix-up stalled agents, #27).
/// </summary>
internal static class CeleryEventSchema
{
    private static readonly string[] Common = ["timestamp", "utcoffset", "pid", "clock"];
    private static readonly string[] WorkerRequired = ["hostname", "freq", "sw_ident", "sw_ver", "sw_sys"];

    /// <summary>Null when <paramref name="item"/> is a valid event; otherwise why not.</summary>
    public static string? Validate(JsonElement item)
    {
        if (!item.TryGetProperty("type", out var typeValue) || typeValue.ValueKind != JsonValueKind.String)
        {
            return "no event type";
        }

        var type = typeValue.GetString()!;
        var state = CeleryStates.Of(type);
        if (state is null)
        {
            return $"unknown event type '{type}'";
        }

        foreach (var field in Common)
        {
            if (!item.TryGetProperty(field, out var value))
            {
                return $"{type}: '{field}' is required";
            }

            var ok = field == "timestamp" ? value.ValueKind == JsonValueKind.Number : IsInteger(value);
            if (!ok)
            {
                return $"{type}: '{field}' must be {(field == "timestamp" ? "a number" : "an integer")}";
            }
        }

        return state.Value.Kind == CeleryStates.Task ? ValidateTask(type, item) : ValidateWorker(type, item);
    }

    private static string? ValidateTask(string type, JsonElement item)
    {
        if (!item.TryGetProperty("uuid", out var uuid) || uuid.ValueKind != JsonValueKind.String)
        {
            return $"{type}: 'uuid' is required and must be a string";
        }

        foreach (var property in item.EnumerateObject())
        {
            var value = property.Value;
            var ok = property.Name switch
            {
                "name" or "args" or "kwargs" or "exchange" or "routing_key" or "queue" or "hostname" or "result" or "exception" or "traceback"
                    => value.ValueKind == JsonValueKind.String,
                "root_id" or "parent_id" or "eta" or "expires" => value.ValueKind is JsonValueKind.String or JsonValueKind.Null,
                "runtime" => value.ValueKind == JsonValueKind.Number,
                "retries" => IsInteger(value),
                "terminated" or "expired" or "requeue" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
                "signum" => IsInteger(value) || value.ValueKind is JsonValueKind.String or JsonValueKind.Null,
                _ => true,
            };
            if (!ok)
            {
                return $"{type}: '{property.Name}' has the wrong type ({value.ValueKind.ToString().ToLowerInvariant()})";
            }
        }

        return null;
    }

    private static string? ValidateWorker(string type, JsonElement item)
    {
        foreach (var field in WorkerRequired)
        {
            if (!item.TryGetProperty(field, out var value))
            {
                return $"{type}: '{field}' is required";
            }

            var ok = field == "freq" ? value.ValueKind == JsonValueKind.Number : value.ValueKind == JsonValueKind.String;
            if (!ok)
            {
                return $"{type}: '{field}' must be {(field == "freq" ? "a number" : "a string")}";
            }
        }

        return null;
    }

    private static bool IsInteger(JsonElement value) => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _);
}
