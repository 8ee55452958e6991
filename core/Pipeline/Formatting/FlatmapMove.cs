using System.Text.Json.Nodes;

namespace Switchyard.Core.Pipeline.Formatting;

/// <summary>
/// The <c>move</c> operation, with the three cases of KrakenD's flatmap tree, chosen by the number of segments:
/// <list type="bullet">
/// <item>as many in the destination as in the source: a rename of the last segment where the value is
/// (<c>a.*.b</c> → <c>a.*.c</c>). Only the destination's last segment counts, so <c>a.b</c> → <c>x.y</c> renames
/// <c>a.b</c> to <c>a.y</c>;</item>
/// <item>fewer: a promotion. The destination is walked from the root, a <c>*</c> standing for the key or index the
/// source's <c>*</c> matched at that depth; the walk stops at the first segment that does not exist and the value
/// is put there under the destination's last segment;</item>
/// <item>more: an embedding. The value stays under the container it was found in (the destination's segments
/// before the source's last one are not read), and the destination's further segments become objects created as
/// needed (<c>a.b</c> → <c>a.b.c</c> wraps <c>b</c>'s value as <c>{c: value}</c>).</item>
/// </list>
/// The source's last segment is a key or index, never a wildcard. A missing source moves nothing.
/// </summary>
internal sealed class FlatmapMove : IFlatmapOperation
{
    private readonly string[] _source;
    private readonly string[] _destination;
    private readonly bool _needsMatchedLabels;

    public FlatmapMove(string[] source, string[] destination)
    {
        _source = source;
        _destination = destination;
        _needsMatchedLabels = destination.Length < source.Length
            && Array.IndexOf(destination, FlatmapFilter.Wildcard, 0, destination.Length - 1) >= 0;
    }

    public void Apply(FlatmapRun run)
    {
        var parents = CollectParents(run.Root);
        var label = _source[^1];
        if (_source.Length == _destination.Length)
        {
            Rename(parents, label, _destination[^1]);
            return;
        }

        var moved = new List<(Parent From, JsonNode? Value)>(parents.Count);
        foreach (var parent in parents)
        {
            if (JsonContainer.TryRemoveChild(parent.Node, label, out var value))
            {
                run.ChildrenRemoved(parent.Node);
                moved.Add((parent, value));
            }
        }

        foreach (var (from, value) in moved)
        {
            if (_source.Length > _destination.Length)
            {
                Promote(run.Root, from, value);
            }
            else
            {
                Embed(from.Node, value);
            }
        }
    }

    /// <summary>The containers matched by every segment of the source but the last.</summary>
    private List<Parent> CollectParents(JsonObject root)
    {
        List<Parent> current = [new Parent(root, [])];
        for (var depth = 0; depth < _source.Length - 1; depth++)
        {
            var segment = _source[depth];
            var next = new List<Parent>();
            foreach (var parent in current)
            {
                if (segment != FlatmapFilter.Wildcard)
                {
                    if (JsonContainer.TryGetChild(parent.Node, segment, out var child))
                    {
                        AddIfContainer(next, parent, segment, child);
                    }
                }
                else if (parent.Node is JsonArray array)
                {
                    for (var i = 0; i < array.Count; i++)
                    {
                        AddIfContainer(next, parent, JsonContainer.IndexLabel(i), array[i]);
                    }
                }
                else
                {
                    foreach (var (key, child) in (JsonObject)parent.Node)
                    {
                        AddIfContainer(next, parent, key, child);
                    }
                }
            }

            current = next;
        }

        return current;
    }

    // Only containers can hold the source's last segment, so scalars are not worth keeping as candidates.
    private void AddIfContainer(List<Parent> parents, Parent parent, string label, JsonNode? child)
    {
        if (JsonContainer.IsContainer(child))
        {
            parents.Add(new Parent(child, _needsMatchedLabels ? [.. parent.MatchedLabels, label] : []));
        }
    }

    private static void Rename(List<Parent> parents, string from, string to)
    {
        if (from == to)
        {
            return;
        }

        foreach (var parent in parents)
        {
            // An array element only changes its label, which no one sees: arrays render by position.
            if (parent.Node is JsonObject o && o.TryGetPropertyValue(from, out var value))
            {
                o.Remove(from);
                o[to] = value;
            }
        }
    }

    private void Promote(JsonObject root, Parent from, JsonNode? value)
    {
        JsonNode container = root;
        for (var depth = 0; depth < _destination.Length - 1; depth++)
        {
            var segment = _destination[depth];
            var label = segment == FlatmapFilter.Wildcard ? from.MatchedLabels[depth] : segment;
            if (!JsonContainer.TryGetChild(container, label, out var child))
            {
                break;
            }

            if (!JsonContainer.IsContainer(child))
            {
                // The walk ends on a scalar: like the tree, which hangs the value under that leaf, it becomes an object.
                JsonContainer.Replace(container, label, new JsonObject { [_destination[^1]] = value });
                return;
            }

            container = child;
        }

        JsonContainer.Attach(container, _destination[^1], value);
    }

    private void Embed(JsonNode container, JsonNode? value)
    {
        for (var depth = _source.Length - 1; depth < _destination.Length - 1; depth++)
        {
            var segment = _destination[depth];
            var found = JsonContainer.TryGetChild(container, segment, out var child);
            if (JsonContainer.IsContainer(child))
            {
                container = child;
                continue;
            }

            var created = new JsonObject();
            if (found)
            {
                JsonContainer.Replace(container, segment, created);
            }
            else
            {
                JsonContainer.Attach(container, segment, created);
            }

            container = created;
        }

        JsonContainer.Attach(container, _destination[^1], value);
    }

    /// <summary>A container matched by the source's prefix, with the labels that led to it when a promotion needs them.</summary>
    private readonly record struct Parent(JsonNode Node, string[] MatchedLabels);
}
