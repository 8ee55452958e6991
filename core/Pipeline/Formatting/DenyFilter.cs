using System.Text.Json.Nodes;

namespace Switchyard.Core.Pipeline.Formatting;

/// <summary>
/// The backend's <c>deny</c> list: removes the listed dot paths. Only objects are walked, so a path through an
/// array or a missing key removes nothing.
/// </summary>
internal sealed class DenyFilter
{
    private readonly KeyTree _denied;

    private DenyFilter(KeyTree denied) => _denied = denied;

    /// <summary>A shorter path wins over a longer one in any order: once <c>a</c> is denied, <c>a.b</c> adds nothing.</summary>
    public static DenyFilter Create(IReadOnlyList<string> paths)
    {
        var root = new KeyTree();
        foreach (var path in paths)
        {
            var segments = path.Split('.');
            var node = root;
            var wholeAlreadyDenied = false;
            for (var i = 0; i < segments.Length - 1; i++)
            {
                if (node.Children.TryGetValue(segments[i], out var existing) && existing is null)
                {
                    wholeAlreadyDenied = true;
                    break;
                }

                node = node.Subtree(segments[i]);
            }

            if (!wholeAlreadyDenied)
            {
                node.Children[segments[^1]] = null;
            }
        }

        return new DenyFilter(root);
    }

    public void Apply(JsonObject data) => Remove(_denied, data);

    private static void Remove(KeyTree denied, JsonObject data)
    {
        foreach (var (key, inner) in denied.Children)
        {
            if (inner is null)
            {
                data.Remove(key);
            }
            else if (data.TryGetPropertyValue(key, out var value) && value is JsonObject child)
            {
                Remove(inner, child);
            }
        }
    }
}
