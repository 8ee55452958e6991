using System.Text.Json.Nodes;

namespace Switchyard.Core.Pipeline.Formatting;

/// <summary>
/// A dot path (<c>a.b.c</c>) into response data that walks JSON objects only: a segment is always a key,
/// never an array index. Parsed once from configuration, walked per response without allocating.
/// </summary>
public sealed class DataPath
{
    private readonly string[] _segments;

    private DataPath(string text, string[] segments)
    {
        Text = text;
        _segments = segments;
    }

    /// <summary>The path as written in the configuration.</summary>
    public string Text { get; }

    /// <summary>Splits <paramref name="path"/> at every <c>.</c>; an empty path is a single empty key, as KrakenD splits it.</summary>
    public static DataPath Parse(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return new DataPath(path, path.Split('.'));
    }

    /// <summary>
    /// Finds the value at this path: every segment must exist and every value before the last must be an object.
    /// </summary>
    /// <param name="root">The object the path starts from.</param>
    /// <param name="value">The value found, which is null for a JSON <c>null</c>.</param>
    /// <returns>False when a key is missing or the walk meets a value that is not an object.</returns>
    public bool TryFind(JsonObject root, out JsonNode? value)
    {
        ArgumentNullException.ThrowIfNull(root);
        var current = root;
        var last = _segments.Length - 1;
        for (var i = 0; i < last; i++)
        {
            if (!current.TryGetPropertyValue(_segments[i], out var next) || next is not JsonObject nextObject)
            {
                value = null;
                return false;
            }

            current = nextObject;
        }

        return current.TryGetPropertyValue(_segments[last], out value);
    }

    /// <summary>The value at this path, or null when it is missing, not reachable through objects, or JSON <c>null</c>.</summary>
    public JsonNode? Find(JsonObject root) => TryFind(root, out var value) ? value : null;

    /// <summary>
    /// Finds the value the way KrakenD resolves a sequential proxy's <c>{respN_a.b}</c> placeholder: the walk
    /// goes through objects as far as it can, and the last segment is then looked up in the deepest object
    /// reached. So <c>a.b</c> on <c>{"b":1}</c> (no <c>a</c>) finds <c>1</c>; only a missing last key fails.
    /// </summary>
    /// <param name="root">The data of the earlier backend.</param>
    /// <param name="value">The value found, which is null for a JSON <c>null</c>.</param>
    /// <returns>False when the last key is not in the deepest object reached, so the placeholder stays literal.</returns>
    public bool TryFindTolerant(JsonObject root, out JsonNode? value)
    {
        ArgumentNullException.ThrowIfNull(root);
        var current = root;
        var last = _segments.Length - 1;
        for (var i = 0; i < last; i++)
        {
            if (!current.TryGetPropertyValue(_segments[i], out var next) || next is not JsonObject nextObject)
            {
                break;
            }

            current = nextObject;
        }

        return current.TryGetPropertyValue(_segments[last], out value);
    }

    public override string ToString() => Text;
}
