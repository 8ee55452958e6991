using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Switchyard.Core.Pipeline.Formatting;

/// <summary>
/// Writes a value of an earlier backend's data the way KrakenD writes it into a sequential proxy's
/// <c>{respN_a.b}</c> placeholder, which is Go's <c>fmt</c> <c>%v</c> of the decoded value:
/// <list type="bullet">
/// <item>a string as it is, a number as its literal JSON text, a boolean as <c>true</c>/<c>false</c>;</item>
/// <item>an array as its items joined by <c>,</c> (an empty array gives an empty text);</item>
/// <item><c>null</c> as <c>&lt;nil&gt;</c>, an object as <c>map[k1:v1 k2:v2]</c> with its keys sorted.</item>
/// </list>
/// Inside an array or an object, values are written as Go writes them there: a nested array is
/// <c>[v1 v2]</c>, and strings have no quotes.
/// </summary>
public static class PlaceholderValue
{
    /// <summary>The text that replaces the placeholder.</summary>
    public static string Format(JsonNode? value)
    {
        switch (value)
        {
            case JsonValue scalar when scalar.GetValueKind() == JsonValueKind.String:
                return StringOf(scalar);
            case JsonArray { Count: 0 }:
                return "";
            case JsonArray array:
                var joined = new StringBuilder();
                for (var i = 0; i < array.Count; i++)
                {
                    if (i > 0)
                    {
                        joined.Append(',');
                    }

                    AppendGoValue(joined, array[i]);
                }

                return joined.ToString();
            default:
                var text = new StringBuilder();
                AppendGoValue(text, value);
                return text.ToString();
        }
    }

    private static void AppendGoValue(StringBuilder text, JsonNode? value)
    {
        switch (value)
        {
            case JsonArray array:
                text.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    if (i > 0)
                    {
                        text.Append(' ');
                    }

                    AppendGoValue(text, array[i]);
                }

                text.Append(']');
                break;
            case JsonObject obj:
                AppendGoMap(text, obj);
                break;
            case JsonValue scalar:
                AppendScalar(text, scalar);
                break;
            default:
                text.Append("<nil>");
                break;
        }
    }

    // Go prints a map with its keys in order, whatever order they arrived in.
    private static void AppendGoMap(StringBuilder text, JsonObject obj)
    {
        var keys = new string[obj.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = obj.GetAt(i).Key;
        }

        Array.Sort(keys, StringComparer.Ordinal);
        text.Append("map[");
        for (var i = 0; i < keys.Length; i++)
        {
            if (i > 0)
            {
                text.Append(' ');
            }

            text.Append(keys[i]).Append(':');
            AppendGoValue(text, obj[keys[i]]);
        }

        text.Append(']');
    }

    private static void AppendScalar(StringBuilder text, JsonValue scalar)
    {
        switch (scalar.GetValueKind())
        {
            case JsonValueKind.String:
                text.Append(StringOf(scalar));
                break;
            case JsonValueKind.True:
                text.Append("true");
                break;
            case JsonValueKind.False:
                text.Append("false");
                break;
            case JsonValueKind.Null:
                text.Append("<nil>");
                break;
            default:
                // A decoded number keeps the backend's literal text (KrakenD decodes with UseNumber).
                text.Append(scalar.ToJsonString());
                break;
        }
    }

    private static string StringOf(JsonValue scalar) =>
        scalar.TryGetValue<string>(out var s)
            ? s
            // A value built from another .NET type (a Guid, a date...): its JSON text, unquoted.
            : JsonNode.Parse(scalar.ToJsonString())!.GetValue<string>();
}
