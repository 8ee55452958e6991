using System.Text.Json.Nodes;

namespace Switchyard.Core.FanOut;

/// <summary>
/// Merges the documents of one batch that share an id, with Leek's rules (reference §4), so the API gets one document
/// per task or worker: an incoming terminal state overwrites; over a stored terminal state only the incoming state's
/// fields are merged (plus the task's description for a late QUEUED/RECEIVED, the error for a late RETRY); otherwise a
/// newer <c>exact_timestamp</c> merges everything, an older one only its state's fields, an older same state nothing.
/// Then retries turn FAILED into CRITICAL and SUCCEEDED into RECOVERED, and the event history grows (at most 21).
/// </summary>
internal static class CeleryBatchMerger
{
    private const int MaxEvents = 21;

    private static readonly string[] Description =
        ["name", "name_parts", "args", "kwargs", "root_id", "parent_id", "eta", "expires", "queue", "exchange", "routing_key", "client", "retries"];

    private static readonly string[] RetryError = ["exception", "traceback"];

    public static List<JsonObject> Merge(IEnumerable<JsonObject> documents)
    {
        var merged = new List<JsonObject>();
        var byId = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var document in documents)
        {
            var id = document["id"]?.GetValue<string>() ?? "";
            if (byId.TryGetValue(id, out var stored))
            {
                Apply(stored, document);
            }
            else
            {
                byId[id] = document;
                merged.Add(document);
            }
        }

        return merged;
    }

    private static void Apply(JsonObject stored, JsonObject incoming)
    {
        var isTask = stored["kind"]?.GetValue<string>() == CeleryStates.Task;
        var storedState = stored["state"]?.GetValue<string>();
        var incomingState = incoming["state"]!.GetValue<string>();
        var newer = incoming["exact_timestamp"]!.GetValue<double>() > stored["exact_timestamp"]!.GetValue<double>();
        var events = stored["events"]?.AsArray().Select(node => node!.GetValue<string>()).ToList();

        if (isTask && CeleryStates.IsTerminal(incomingState))
        {
            CopyAll(stored, incoming);
        }
        else if (isTask && CeleryStates.IsTerminal(storedState))
        {
            CopyStateFields(stored, incoming, incomingState, isTask);
            if (incomingState is "QUEUED" or "RECEIVED")
            {
                Copy(stored, incoming, Description);
            }
            else if (incomingState == "RETRY" && storedState is not ("FAILED" or "CRITICAL"))
            {
                Copy(stored, incoming, RetryError);
            }
        }
        else if (newer)
        {
            CopyAll(stored, incoming);
        }
        else if (incomingState != storedState)
        {
            CopyStateFields(stored, incoming, incomingState, isTask);
        }

        if (!isTask)
        {
            return;
        }

        if (stored["retries"] is JsonValue retries && retries.TryGetValue<long>(out var count) && count > 0)
        {
            stored["state"] = stored["state"]?.GetValue<string>() switch
            {
                "FAILED" => "CRITICAL",
                "SUCCEEDED" => "RECOVERED",
                var state => state,
            };
        }

        var id = stored["id"]?.GetValue<string>();
        foreach (var link in (ReadOnlySpan<string>)["root_id", "parent_id"])
        {
            if (stored[link] is JsonValue value && value.TryGetValue<string>(out var linked) && linked == id)
            {
                stored[link] = null;
            }
        }

        // Counted even when skipped: the event did arrive.
        stored["events_count"] = (stored["events_count"]?.GetValue<int>() ?? 1) + 1;
        var history = new JsonArray(incomingState);
        foreach (var state in (events ?? []).Take(MaxEvents - 1))
        {
            // Through JsonNode: the generic Add<string> would serialize by reflection, which Native AOT cannot.
            history.Add((JsonNode)state);
        }

        stored["events"] = history;
    }

    private static void CopyAll(JsonObject stored, JsonObject incoming)
    {
        foreach (var (name, value) in incoming)
        {
            if (name is not ("events" or "events_count"))
            {
                stored[name] = value?.DeepClone();
            }
        }
    }

    private static void CopyStateFields(JsonObject stored, JsonObject incoming, string state, bool isTask)
    {
        string[] fields = isTask
            ? [AtField(state)]
            : state == "HEARTBEAT" ? ["last_heartbeat_at", "processed", "active", "freq", "loadavg"] : [AtField(state)];
        Copy(stored, incoming, fields);
    }

    private static string AtField(string state) => state switch
    {
        "QUEUED" => "queued_at",
        "RETRY" => "retried_at",
        "HEARTBEAT" => "last_heartbeat_at",
        _ => state.ToLowerInvariant() + "_at",
    };

    private static void Copy(JsonObject stored, JsonObject incoming, IEnumerable<string> fields)
    {
        foreach (var field in fields)
        {
            if (incoming[field] is { } value)
            {
                stored[field] = value.DeepClone();
            }
        }
    }
}
