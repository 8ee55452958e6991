using System.Text.Json;

namespace Switchyard.Templates.Sprig;

/// <summary>
/// JSON read into the template value model as Go's <c>json.Unmarshal</c> into <c>interface{}</c> reads it: objects
/// become maps (a repeated key keeps its last value), arrays lists, and every number a float64 (<see cref="double"/>).
/// </summary>
internal static class JsonValues
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 10_000 };

    /// <summary>Parses <paramref name="json"/>.</summary>
    /// <exception cref="JsonException">The text is not JSON; the exception holds the line and position.</exception>
    public static object? Parse(string json)
    {
        using var document = JsonDocument.Parse(json, Options);
        return Read(document.RootElement);
    }

    /// <summary>One element as a template value.</summary>
    public static object? Read(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => ReadObject(element),
        JsonValueKind.Array => element.EnumerateArray().Select(Read).ToList(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    private static Dictionary<string, object?> ReadObject(JsonElement element)
    {
        var map = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            map[property.Name] = Read(property.Value);
        }

        return map;
    }
}
