using System.Text;
using System.Text.Json;

namespace Switchyard.Functions.Serverless;

/// <summary>
/// Reads the values of a host invocation payload, which the host serialises loosely: numbers and booleans as strings
/// (<c>"3"</c>), strings JSON-encoded once more (<c>"\"abc\""</c>), objects sometimes as JSON text, keys in any case.
/// </summary>
internal static class InvocationValue
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The property <paramref name="name"/> of an object, matched case-insensitively (an exact match first).</summary>
    public static bool TryGet(JsonElement value, string name, out JsonElement property)
    {
        if (value.ValueKind == JsonValueKind.Object)
        {
            if (value.TryGetProperty(name, out property))
            {
                return true;
            }

            foreach (var candidate in value.EnumerateObject())
            {
                if (string.Equals(candidate.Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    property = candidate.Value;
                    return true;
                }
            }
        }

        property = default;
        return false;
    }

    /// <summary>
    /// The value, unwrapped once when it is a string that is itself JSON (<c>"\"abc\""</c> → <c>"abc"</c>,
    /// <c>"3"</c> → <c>3</c>, <c>"{...}"</c> → the object); any other value as it is.
    /// </summary>
    public static JsonElement Unwrap(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            return value;
        }

        var text = value.GetString()!;
        if (text.Length == 0 || !LooksLikeJson(text[0]))
        {
            return value;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return value;
        }
    }

    /// <summary>The property, unwrapped (<see cref="Unwrap"/>), when present and not null.</summary>
    public static bool TryGetUnwrapped(JsonElement value, string name, out JsonElement property)
    {
        if (TryGet(value, name, out var raw) && Unwrap(raw) is { ValueKind: not JsonValueKind.Null } unwrapped)
        {
            property = unwrapped;
            return true;
        }

        property = default;
        return false;
    }

    /// <summary>A value as text: a string's content, a number or boolean as written, an object or array as JSON.</summary>
    public static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Null or JsonValueKind.Undefined => "",
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => value.GetRawText(),
    };

    /// <summary>The property as text (<see cref="Text"/> of the unwrapped value), or null when missing or null.</summary>
    public static string? TextOf(JsonElement value, string name) =>
        TryGetUnwrapped(value, name, out var property) ? Text(property) : null;

    /// <summary>The property as a whole number, whether written as a number or a string; null when missing or not one.</summary>
    public static long? IntegerOf(JsonElement value, string name) =>
        TryGetUnwrapped(value, name, out var property) && property.ValueKind == JsonValueKind.Number && property.TryGetInt64(out var number)
            ? number
            : null;

    /// <summary>The property as a boolean, whether written as one or as a string; null when missing or not one.</summary>
    public static bool? BooleanOf(JsonElement value, string name) =>
        TryGetUnwrapped(value, name, out var property) && property.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? property.ValueKind == JsonValueKind.True
            : null;

    /// <summary>
    /// The text a byte array the host wrote as base64 (an AMQP header) stands for; the string itself when it is not
    /// base64 of UTF-8 text.
    /// </summary>
    public static string FromBase64Text(string value)
    {
        var bytes = new byte[((value.Length + 3) / 4) * 3];
        if (!Convert.TryFromBase64String(value, bytes, out var written))
        {
            return value;
        }

        try
        {
            return StrictUtf8.GetString(bytes, 0, written);
        }
        catch (DecoderFallbackException)
        {
            return value;
        }
    }

    private static bool LooksLikeJson(char first) => first is '"' or '{' or '[' or '-' or 't' or 'f' or 'n' || char.IsAsciiDigit(first);
}
