using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json.Nodes;

namespace Switchyard.Core.Pipeline.Formatting;

/// <summary>
/// Objects and arrays seen alike as containers of labelled children, the way the flatmap tree sees them: a
/// child of an object is labelled with its key, a child of an array with its index (<c>0</c>, <c>1</c>...).
/// </summary>
internal static class JsonContainer
{
    public static bool IsContainer([NotNullWhen(true)] JsonNode? node) => node is JsonObject or JsonArray;

    /// <summary>The number of children; zero for anything that is not a container.</summary>
    public static int Count(JsonNode? node) => node switch
    {
        JsonObject o => o.Count,
        JsonArray a => a.Count,
        _ => 0,
    };

    /// <summary>Finds the child labelled <paramref name="label"/>; a JSON <c>null</c> child is found as null.</summary>
    public static bool TryGetChild(JsonNode container, string label, out JsonNode? child)
    {
        switch (container)
        {
            case JsonObject o:
                return o.TryGetPropertyValue(label, out child);
            case JsonArray a when TryParseIndex(label, a.Count, out var index):
                child = a[index];
                return true;
            default:
                child = null;
                return false;
        }
    }

    /// <summary>Detaches the child labelled <paramref name="label"/>, so it can be attached elsewhere.</summary>
    public static bool TryRemoveChild(JsonNode container, string label, out JsonNode? removed)
    {
        switch (container)
        {
            case JsonObject o when o.TryGetPropertyValue(label, out removed):
                o.Remove(label);
                return true;
            case JsonArray a when TryParseIndex(label, a.Count, out var index):
                removed = a[index];
                a.RemoveAt(index);
                return true;
            default:
                removed = null;
                return false;
        }
    }

    /// <summary>
    /// Adds a child: under its label in an object, replacing a value already there; at the end of an array,
    /// where labels play no part.
    /// </summary>
    public static void Attach(JsonNode container, string label, JsonNode? child)
    {
        if (container is JsonArray a)
        {
            a.Add(child);
        }
        else
        {
            ((JsonObject)container)[label] = child;
        }
    }

    /// <summary>Puts <paramref name="child"/> in the place of the existing child labelled <paramref name="label"/>.</summary>
    public static void Replace(JsonNode container, string label, JsonNode? child)
    {
        if (container is JsonArray a)
        {
            a[int.Parse(label, NumberStyles.None, CultureInfo.InvariantCulture)] = child;
        }
        else
        {
            ((JsonObject)container)[label] = child;
        }
    }

    /// <summary>
    /// Puts a JSON <c>null</c> in the place of <paramref name="child"/> in its parent (what the generic
    /// <c>ReplaceWith&lt;JsonNode?&gt;(null)</c> does, without the reflection-based serialization Native AOT cannot do).
    /// </summary>
    public static void Nullify(JsonNode child)
    {
        switch (child.Parent)
        {
            case JsonObject o:
                o[child.GetPropertyName()] = null;
                break;
            case JsonArray a:
                a[child.GetElementIndex()] = null;
                break;
        }
    }

    public static void Clear(JsonNode container)
    {
        if (container is JsonArray a)
        {
            a.Clear();
        }
        else
        {
            ((JsonObject)container).Clear();
        }
    }

    public static string IndexLabel(int index) => index.ToString(CultureInfo.InvariantCulture);

    /// <summary>An index label is written as the tree writes it: digits, no sign, no leading zero.</summary>
    private static bool TryParseIndex(string label, int count, out int index) =>
        int.TryParse(label, NumberStyles.None, CultureInfo.InvariantCulture, out index)
        && (label.Length == 1 || label[0] != '0')
        && index < count;
}
