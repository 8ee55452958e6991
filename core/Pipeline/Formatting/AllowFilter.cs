using System.Text.Json.Nodes;

namespace Switchyard.Core.Pipeline.Formatting;

/// <summary>
/// The backend's <c>allow</c> list: keeps only the listed dot paths, each with its whole value. Only objects are
/// walked, so a path through an array keeps nothing, and an object left with nothing allowed inside is removed.
/// </summary>
internal sealed class AllowFilter
{
    private readonly KeyTree _allowed;

    private AllowFilter(KeyTree allowed) => _allowed = allowed;

    /// <summary>
    /// Folds the paths in order, as KrakenD does: a longer path turns an earlier whole-value entry into a subtree
    /// (<c>["a", "a.b"]</c> keeps only <c>a.b</c>), and a shorter one turns an earlier subtree back into a whole
    /// value (<c>["a.b", "a"]</c> keeps all of <c>a</c>).
    /// </summary>
    public static AllowFilter Create(IReadOnlyList<string> paths)
    {
        var root = new KeyTree();
        foreach (var path in paths)
        {
            var segments = path.Split('.');
            var node = root;
            for (var i = 0; i < segments.Length - 1; i++)
            {
                node = node.Subtree(segments[i]);
            }

            node.Children[segments[^1]] = null;
        }

        return new AllowFilter(root);
    }

    public void Apply(JsonObject data) => Prune(_allowed, data);

    /// <returns>True when nothing of <paramref name="data"/> was allowed, so its parent drops it too.</returns>
    private static bool Prune(KeyTree allowed, JsonObject data)
    {
        // Backwards by index: removing never shifts the entries still to visit, and no key list is allocated.
        var removedAll = true;
        for (var i = data.Count - 1; i >= 0; i--)
        {
            var (key, value) = data.GetAt(i);
            var keep = allowed.Children.TryGetValue(key, out var inner)
                && (inner is null || (value is JsonObject child && !Prune(inner, child)));
            if (keep)
            {
                removedAll = false;
            }
            else
            {
                data.RemoveAt(i);
            }
        }

        return removedAll;
    }
}
