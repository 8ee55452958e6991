using System.Text.Json;

namespace Switchyard.Core.Configuration.Parsing;

/// <summary>Describes a JSON value in messages: <c>number 2</c>, <c>string "yes"</c>, <c>object</c>.</summary>
internal static class JsonValueText
{
    private const int MaxValueLength = 40;

    public static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string " + Quote(value.GetString()!),
        JsonValueKind.Number => "number " + Shorten(value.GetRawText()),
        JsonValueKind.True => "boolean true",
        JsonValueKind.False => "boolean false",
        _ => "null",
    };

    /// <summary>The value between double quotes, shortened when it is long.</summary>
    public static string Quote(string text) => "\"" + Shorten(text) + "\"";

    private static string Shorten(string text) =>
        text.Length <= MaxValueLength ? text : string.Concat(text.AsSpan(0, MaxValueLength), "...");
}
