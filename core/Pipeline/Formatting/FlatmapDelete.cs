using System.Text.Json.Nodes;

namespace Switchyard.Core.Pipeline.Formatting;

/// <summary>
/// The <c>del</c> operation: removes the value at each path. <c>*</c> matches every key or array element, and a
/// trailing <c>*</c> empties the container. A missing path removes nothing.
/// </summary>
internal sealed class FlatmapDelete(string[][] paths) : IFlatmapOperation
{
    public void Apply(FlatmapRun run)
    {
        foreach (var path in paths)
        {
            Delete(run.Root, path, 0, run);
        }
    }

    public static void Delete(JsonNode? node, string[] path, int depth, FlatmapRun run)
    {
        if (!JsonContainer.IsContainer(node) || JsonContainer.Count(node) == 0)
        {
            return;
        }

        var label = path[depth];
        var isLast = depth == path.Length - 1;
        if (label == FlatmapFilter.Wildcard)
        {
            if (isLast)
            {
                JsonContainer.Clear(node);
                run.ChildrenRemoved(node);
                return;
            }

            if (node is JsonArray array)
            {
                foreach (var element in array)
                {
                    Delete(element, path, depth + 1, run);
                }
            }
            else
            {
                foreach (var (_, value) in (JsonObject)node)
                {
                    Delete(value, path, depth + 1, run);
                }
            }

            return;
        }

        if (isLast)
        {
            if (JsonContainer.TryRemoveChild(node, label, out _))
            {
                run.ChildrenRemoved(node);
            }
        }
        else if (JsonContainer.TryGetChild(node, label, out var child))
        {
            Delete(child, path, depth + 1, run);
        }
    }
}
