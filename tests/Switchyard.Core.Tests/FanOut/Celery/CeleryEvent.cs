using System.Text.Json;

namespace Switchyard.Core.Tests.FanOut.Celery;

/// <summary>One Celery event as the tests count it: its type and the task it is about (the worker's hostname for worker-* events).</summary>
internal readonly record struct CeleryEvent(string Type, string Subject)
{
    public override string ToString() => $"{Type} {Subject}";

    /// <summary>The events of one message body: a single event object, or a <c>task.multi</c> array of them.</summary>
    public static IEnumerable<CeleryEvent> Parse(ReadOnlyMemory<byte> body)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Array)
        {
            return [From(root)];
        }

        return [.. root.EnumerateArray().Select(From)];
    }

    private static CeleryEvent From(JsonElement item)
    {
        var type = item.GetProperty("type").GetString() ?? "";
        var subject = item.TryGetProperty("uuid", out var uuid) ? uuid.GetString() : item.GetProperty("hostname").GetString();
        return new CeleryEvent(type, subject ?? "");
    }
}
