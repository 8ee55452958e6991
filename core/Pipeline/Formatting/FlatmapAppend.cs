using System.Text.Json.Nodes;

namespace Switchyard.Core.Pipeline.Formatting;

/// <summary>
/// The <c>append</c> operation: adds the values of the source array at the end of the destination array, then
/// removes the source. Both must be arrays, otherwise nothing happens. The source may use <c>*</c> to gather
/// values (<c>items.*.id</c> gathers every item's id, <c>null</c> for an item without one); the destination must
/// be a plain path.
/// </summary>
internal sealed class FlatmapAppend(string[] source, string[] destination) : IFlatmapOperation
{
    // KrakenD would create a key literally named "*" for a wildcard destination; that is treated as a no-op.
    private readonly bool _destinationIsPlain = Array.IndexOf(destination, FlatmapFilter.Wildcard) < 0;

    public void Apply(FlatmapRun run)
    {
        if (!_destinationIsPlain
            || Read(run.Root, source, 0) is not JsonArray values
            || Find(run.Root, destination) is not JsonArray target)
        {
            return;
        }

        var items = values.ToArray();
        values.Clear();
        foreach (var item in items)
        {
            target.Add(item);
        }

        FlatmapDelete.Delete(run.Root, source, 0, run);
    }

    /// <summary>
    /// A copy of the value at <paramref name="path"/>; a <c>*</c> level becomes an array of what each child holds
    /// (null where a child lacks the rest of the path). A copy, because the source is deleted afterwards and may
    /// even contain the destination.
    /// </summary>
    private static JsonNode? Read(JsonNode? node, string[] path, int depth)
    {
        if (depth == path.Length)
        {
            return node?.DeepClone();
        }

        if (!JsonContainer.IsContainer(node) || JsonContainer.Count(node) == 0)
        {
            return null;
        }

        if (path[depth] != FlatmapFilter.Wildcard)
        {
            return JsonContainer.TryGetChild(node, path[depth], out var child) ? Read(child, path, depth + 1) : null;
        }

        var gathered = new JsonArray();
        if (node is JsonArray array)
        {
            foreach (var element in array)
            {
                gathered.Add(Read(element, path, depth + 1));
            }
        }
        else
        {
            foreach (var (_, value) in (JsonObject)node)
            {
                gathered.Add(Read(value, path, depth + 1));
            }
        }

        return gathered;
    }

    private static JsonNode? Find(JsonNode node, string[] path)
    {
        JsonNode? current = node;
        foreach (var segment in path)
        {
            if (current is null || !JsonContainer.TryGetChild(current, segment, out current))
            {
                return null;
            }
        }

        return current;
    }
}
