using System.Text.Json;

namespace Switchyard.Core.Configuration.Parsing;

/// <summary>
/// Reads the keys of one JSON object with the type each key must have. A value of the wrong type is an
/// error with its path and is read as missing, so parsing goes on and every problem is reported.
/// <see cref="ReportUnknownKeys"/> then reports each key nobody asked for: a warning, or an error inside an object
/// that protects something (<see cref="UnknownKeysAreErrors"/>). JSON <c>null</c> reads as missing, as Go's decoder
/// leaves the field at its zero value.
/// </summary>
internal sealed class JsonObjectReader
{
    private readonly JsonElement _element;
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);

    private const string ProtectionReason = "it may configure a protection Switchyard does not enforce";

    // Why an unknown key is an error, told in its message.
    private readonly string _unknownKeyReason;

    private JsonObjectReader(JsonElement element, string path, ConfigProblems problems, bool unknownKeysAreErrors, string unknownKeyReason)
    {
        _element = element;
        Path = path;
        Problems = problems;
        UnknownKeysAreErrors = unknownKeysAreErrors;
        _unknownKeyReason = unknownKeyReason;
    }

    public string Path { get; }

    public ConfigProblems Problems { get; }

    /// <summary>
    /// True inside a namespace that protects something: a key nobody reads might be a protection Switchyard does not
    /// enforce, so it is an error rather than a warning. Objects opened from this one inherit it.
    /// </summary>
    public bool UnknownKeysAreErrors { get; }

    /// <summary>A reader for <paramref name="element"/>, or null (and an error) when it is not an object.</summary>
    public static JsonObjectReader? Open(JsonElement element, string path, ConfigProblems problems, bool unknownKeysAreErrors = false) =>
        Open(element, path, problems, unknownKeysAreErrors, ProtectionReason);

    /// <summary>
    /// A reader whose unknown keys are errors for <paramref name="reason"/> (what the key would lose), or null (and an
    /// error) when <paramref name="element"/> is not an object.
    /// </summary>
    public static JsonObjectReader? OpenStrict(JsonElement element, string path, ConfigProblems problems, string reason) =>
        Open(element, path, problems, unknownKeysAreErrors: true, reason);

    private static JsonObjectReader? Open(
        JsonElement element, string path, ConfigProblems problems, bool unknownKeysAreErrors, string unknownKeyReason)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            problems.Error(path, "expected an object, got " + JsonValueText.Describe(element));
            return null;
        }

        return new JsonObjectReader(element, path, problems, unknownKeysAreErrors, unknownKeyReason);
    }

    /// <summary>A reader for <paramref name="element"/>, an object inside this one at <paramref name="path"/>, with the same strictness.</summary>
    public JsonObjectReader? OpenInside(JsonElement element, string path) =>
        Open(element, path, Problems, UnknownKeysAreErrors, _unknownKeyReason);

    public string PathOf(string key) => JsonPaths.Property(Path, key);

    /// <summary>Marks <paramref name="key"/> as supported and finds its value, unless it is missing or null.</summary>
    public bool TryGet(string key, out JsonElement value)
    {
        _known.Add(key);
        if (_element.TryGetProperty(key, out value) && value.ValueKind != JsonValueKind.Null)
        {
            return true;
        }

        value = default;
        return false;
    }

    public string? String(string key)
    {
        if (!TryGet(key, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString();
        }

        TypeError(key, "a string", value);
        return null;
    }

    public bool Bool(string key)
    {
        if (!TryGet(key, out var value))
        {
            return false;
        }

        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }

        TypeError(key, "a boolean", value);
        return false;
    }

    public int? Int(string key)
    {
        if (!TryGet(key, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number))
        {
            return number;
        }

        TypeError(key, "an integer", value);
        return null;
    }

    /// <summary>Any JSON number, such as a rate (<c>0.5</c>).</summary>
    public double? Number(string key)
    {
        if (!TryGet(key, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number)
        {
            return value.GetDouble();
        }

        TypeError(key, "a number", value);
        return null;
    }

    /// <summary>A reader for the object under <paramref name="key"/>; null when it is missing, or not an object (an error).</summary>
    public JsonObjectReader? Object(string key) =>
        TryGet(key, out var value) ? OpenInside(value, PathOf(key)) : null;

    /// <summary>
    /// Readers for the objects of the array under <paramref name="key"/>, with this reader's strictness; an item that is
    /// not an object is an error with its path and is left out.
    /// </summary>
    public IReadOnlyList<JsonObjectReader> Objects(string key)
    {
        if (!TryGet(key, out var value))
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            TypeError(key, "an array of objects", value);
            return [];
        }

        var path = PathOf(key);
        var items = new List<JsonObjectReader>(value.GetArrayLength());
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (OpenInside(item, JsonPaths.Index(path, index++)) is { } reader)
            {
                items.Add(reader);
            }
        }

        return items;
    }

    /// <summary>A Go duration string (<c>"1.5s"</c>); null when missing or invalid.</summary>
    public TimeSpan? Duration(string key)
    {
        if (!TryGet(key, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            TypeError(key, "a duration string such as \"2s\"", value);
            return null;
        }

        var text = value.GetString()!;
        if (GoDuration.TryParse(text, out var duration, out var error))
        {
            return duration;
        }

        Problems.Error(PathOf(key), error);
        return null;
    }

    public IReadOnlyList<string> Strings(string key)
    {
        if (!TryGet(key, out var value))
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            TypeError(key, "an array of strings", value);
            return [];
        }

        var path = PathOf(key);
        var items = new List<string>(value.GetArrayLength());
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String)
            {
                items.Add(item.GetString()!);
            }
            else
            {
                Problems.Error(JsonPaths.Index(path, index), "expected a string, got " + JsonValueText.Describe(item));
            }

            index++;
        }

        return items;
    }

    /// <summary>An array of integers; an item of another type is an error with its path and is left out.</summary>
    public IReadOnlyList<int> Ints(string key)
    {
        if (!TryGet(key, out var value))
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            TypeError(key, "an array of integers", value);
            return [];
        }

        var path = PathOf(key);
        var items = new List<int>(value.GetArrayLength());
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.Number && item.TryGetInt32(out var number))
            {
                items.Add(number);
            }
            else
            {
                Problems.Error(JsonPaths.Index(path, index), "expected an integer, got " + JsonValueText.Describe(item));
            }

            index++;
        }

        return items;
    }

    public IReadOnlyDictionary<string, string> StringMap(string key)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!TryGet(key, out var value))
        {
            return map;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            TypeError(key, "an object of strings", value);
            return map;
        }

        var path = PathOf(key);
        foreach (var property in value.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.String)
            {
                map[property.Name] = property.Value.GetString()!;
            }
            else
            {
                Problems.Error(
                    JsonPaths.Property(path, property.Name),
                    "expected a string, got " + JsonValueText.Describe(property.Value));
            }
        }

        return map;
    }

    /// <summary>
    /// A key Switchyard knows and does not serve, whose absence would lose <paramref name="loss"/>: an error when the
    /// object has it.
    /// </summary>
    public void Refuse(string key, string feature, string loss)
    {
        if (TryGet(key, out _))
        {
            Problems.Error(PathOf(key), $"'{key}' ({feature}) is not served by Switchyard: refused, because {loss}");
        }
    }

    /// <summary>A key Switchyard knows and leaves aside because it only tunes a convenience: a warning when the object has it.</summary>
    public void Ignore(string key, string feature)
    {
        if (TryGet(key, out _))
        {
            Problems.Warning(PathOf(key), $"unsupported key '{key}' ({feature}; ignored)");
        }
    }

    /// <summary>
    /// Reports every key that was not asked for, except comments (<c>@comment</c>) and <c>$schema</c> (a warning, or
    /// an error with <see cref="UnknownKeysAreErrors"/>), and warns about keys written twice (the last one wins, as in Go).
    /// </summary>
    public void ReportUnknownKeys()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in _element.EnumerateObject())
        {
            var name = property.Name;
            if (!seen.Add(name))
            {
                Problems.Warning(PathOf(name), $"duplicate key '{name}' (the last one is used)");
                continue;
            }

            if (_known.Contains(name) || IsIgnored(name))
            {
                continue;
            }

            if (UnknownKeysAreErrors)
            {
                Problems.Error(PathOf(name), $"unknown key '{name}': refused, because {_unknownKeyReason}");
            }
            else
            {
                Problems.Warning(PathOf(name), $"unsupported key '{name}'");
            }
        }
    }

    /// <summary>Keys that annotate a file and never carry configuration.</summary>
    public static bool IsIgnored(string key) => key.StartsWith('@') || key == "$schema";

    private void TypeError(string key, string expected, JsonElement value) =>
        Problems.Error(PathOf(key), $"expected {expected}, got {JsonValueText.Describe(value)}");
}
