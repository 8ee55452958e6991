using System.Text.Json;
using System.Text.Json.Nodes;

namespace Switchyard.Core.Encoding;

/// <summary>Reads a backend's JSON body the way Go's <c>json.Decoder</c> with <c>UseNumber</c> does.</summary>
internal static class JsonBody
{
    // Go allows 10000 levels; 256 is far beyond real payloads and keeps the recursive writers' stacks small.
    private const int MaxDepth = 256;

    private static readonly JsonReaderOptions ReaderOptions = new() { AllowMultipleValues = true, MaxDepth = MaxDepth };

    /// <summary>
    /// The first JSON value of <paramref name="body"/>; whatever follows it is not read, as with Go's decoder.
    /// Numbers stay backed by their literal text. Returns null for a JSON <c>null</c>.
    /// </summary>
    /// <exception cref="DecodeException">The body does not start with a well-formed JSON value.</exception>
    public static JsonNode? ReadFirstValue(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body, ReaderOptions);
        JsonElement element;
        try
        {
            element = JsonElement.ParseValue(ref reader);
        }
        catch (JsonException e)
        {
            throw new DecodeException("invalid JSON body: " + e.Message, e);
        }

        return ToNode(element);
    }

    /// <summary>A short name for the kind of a decoded value, for error messages.</summary>
    public static string KindOf(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "an object",
        JsonArray => "an array",
        _ => "a " + node.GetValueKind().ToString().ToLowerInvariant(),
    };

    // Built by hand rather than with JsonNode.Parse, which rejects a repeated key: Go keeps the last value.
    private static JsonNode? ToNode(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var value = new JsonObject();
                foreach (var property in element.EnumerateObject())
                {
                    value[property.Name] = ToNode(property.Value);
                }

                return value;
            case JsonValueKind.Array:
                var items = new JsonArray();
                foreach (var item in element.EnumerateArray())
                {
                    items.Add(ToNode(item));
                }

                return items;
            case JsonValueKind.Null:
                return null;
            default:
                return JsonValue.Create(element);
        }
    }
}
