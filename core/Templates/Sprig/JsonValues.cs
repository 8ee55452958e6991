using System.Text.Json;

namespace Switchyard.Templates.Sprig;

/// <summary>
/// JSON text read into the template value model as Go's <c>json.Unmarshal</c> into <c>interface{}</c> reads it
/// (<see cref="GoValues.FromJson"/>), nested as deep as Go accepts.
/// </summary>
internal static class JsonValues
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 10_000 };

    /// <summary>Parses <paramref name="json"/>.</summary>
    /// <exception cref="JsonException">The text is not JSON; the exception holds the line and position.</exception>
    public static object? Parse(string json)
    {
        using var document = JsonDocument.Parse(json, Options);
        return GoValues.FromJson(document.RootElement);
    }
}
