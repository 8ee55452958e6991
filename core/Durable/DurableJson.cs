using System.Text.Json;
using System.Text.Json.Nodes;
using Switchyard.Core.Pipeline;

namespace Switchyard.Core.Durable;

/// <summary>
/// The pipe's request and response as the engine records them in a flow's history: plain JSON text written and read
/// here (the engine's own serializer never sees more than a string). Data keeps the backends' number literals, so a
/// durable pipe answers the bytes an in-memory one would.
/// </summary>
internal static class DurableJson
{
    public static string Write(ProxyRequest request) => Text(writer => WriteRequest(writer, request));

    public static string Write(ProxyResponse response) => Text(writer => WriteResponse(writer, response));

    public static void WriteRequest(Utf8JsonWriter writer, ProxyRequest request)
    {
        writer.WriteStartObject();
        writer.WriteString("method", request.Method);
        writer.WriteString("path", request.Path);
        writer.WritePropertyName("params");
        writer.WriteStartObject();
        foreach (var (name, value) in request.Params)
        {
            writer.WriteString(name, value);
        }

        writer.WriteEndObject();
        WriteValues(writer, "headers", request.Headers);
        WriteValues(writer, "query", request.Query);
        if (!request.Body.IsEmpty)
        {
            writer.WriteBase64String("body", request.Body.Span);
        }

        if (request.Claims is { } claims)
        {
            writer.WritePropertyName("claims");
            claims.WriteTo(writer);
        }

        writer.WriteEndObject();
    }

    public static void WriteResponse(Utf8JsonWriter writer, ProxyResponse response)
    {
        writer.WriteStartObject();
        if (response.Data is { } data)
        {
            writer.WritePropertyName("data");
            data.WriteTo(writer);
        }

        writer.WriteBoolean("complete", response.IsComplete);
        if (response.Error is { } error)
        {
            writer.WritePropertyName("error");
            writer.WriteStartObject();
            writer.WriteString("message", error.Message);
            WriteIf(writer, "status", error.StatusCode);
            WriteIf(writer, "backend_status", error.BackendStatus);
            if (error.NoAnswer)
            {
                writer.WriteBoolean("no_answer", true);
            }

            if (error.Body is not null)
            {
                writer.WriteString("body", error.Body);
            }

            if (error.ContentType is not null)
            {
                writer.WriteString("content_type", error.ContentType);
            }

            if (error.ExposeBody)
            {
                writer.WriteBoolean("expose_body", true);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    public static ProxyRequest ReadRequest(string json) => ReadRequest(JsonNode.Parse(json)!.AsObject());

    public static ProxyRequest ReadRequest(JsonObject request) => new()
    {
        Method = request["method"]!.GetValue<string>(),
        Path = request["path"]!.GetValue<string>(),
        Params = request["params"]!.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<string>(), StringComparer.Ordinal),
        Headers = Values(request["headers"], StringComparer.OrdinalIgnoreCase),
        Query = Values(request["query"], StringComparer.Ordinal),
        Body = request["body"] is { } body ? Convert.FromBase64String(body.GetValue<string>()) : ReadOnlyMemory<byte>.Empty,
        Claims = request["claims"]?.DeepClone().AsObject(),
    };

    public static ProxyResponse ReadResponse(string json) => ReadResponse(JsonNode.Parse(json)!.AsObject());

    public static ProxyResponse ReadResponse(JsonObject response)
    {
        ProxyError? error = null;
        if (response["error"] is JsonObject failure)
        {
            error = new ProxyError(
                failure["message"]!.GetValue<string>(),
                failure["status"]?.GetValue<int>(),
                failure["body"]?.GetValue<string>(),
                failure["content_type"]?.GetValue<string>(),
                failure["expose_body"]?.GetValue<bool>() ?? false,
                failure["backend_status"]?.GetValue<int>(),
                failure["no_answer"]?.GetValue<bool>() ?? false);
        }

        return new ProxyResponse
        {
            Data = response["data"]?.DeepClone().AsObject(),
            IsComplete = response["complete"]?.GetValue<bool>() ?? false,
            Error = error,
        };
    }

    /// <summary>JSON text written by <paramref name="write"/>.</summary>
    public static string Text(Action<Utf8JsonWriter> write)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteValues(Utf8JsonWriter writer, string name, IReadOnlyDictionary<string, string[]> values)
    {
        writer.WritePropertyName(name);
        writer.WriteStartObject();
        foreach (var (key, items) in values)
        {
            writer.WritePropertyName(key);
            writer.WriteStartArray();
            foreach (var item in items)
            {
                writer.WriteStringValue(item);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    private static void WriteIf(Utf8JsonWriter writer, string name, int? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
    }

    private static Dictionary<string, string[]> Values(JsonNode? node, StringComparer comparer)
    {
        var values = new Dictionary<string, string[]>(comparer);
        foreach (var (name, items) in node?.AsObject() ?? [])
        {
            values[name] = [.. items!.AsArray().Select(item => item!.GetValue<string>())];
        }

        return values;
    }
}
