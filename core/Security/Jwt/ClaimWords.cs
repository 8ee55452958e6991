using System.Text.Json;
using System.Text.Json.Nodes;

namespace Switchyard.Core.Security.Jwt;

/// <summary>The words of a roles or scopes claim: the strings of an array, or a string split on spaces.</summary>
internal static class ClaimWords
{
    /// <summary>The words, or null when the claim is neither an array nor a string. Non-string elements never match.</summary>
    public static HashSet<string>? Of(JsonNode? value)
    {
        switch (value)
        {
            case JsonArray array:
                var words = new HashSet<string>(StringComparer.Ordinal);
                foreach (var item in array)
                {
                    if (item is JsonValue element && element.GetValueKind() == JsonValueKind.String)
                    {
                        words.Add(element.GetValue<string>());
                    }
                }

                return words;
            case JsonValue text when text.GetValueKind() == JsonValueKind.String:
                return new HashSet<string>(text.GetValue<string>().Split(' '), StringComparer.Ordinal);
            default:
                return null;
        }
    }
}
