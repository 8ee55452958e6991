using System.Text.Json.Nodes;

namespace Switchyard.Core.Pipeline.Formatting;

/// <summary>
/// The state of one flatmap application to one response. It reproduces a trait of KrakenD's flatmap tree:
/// an object or array that had children and lost them all is rendered as <c>null</c>, not as <c>{}</c> or
/// <c>[]</c> (a value that was empty to begin with stays empty).
/// </summary>
internal sealed class FlatmapRun(JsonObject root)
{
    private List<JsonNode>? _emptied;

    public JsonObject Root { get; } = root;

    /// <summary>True once the root itself lost all its keys: KrakenD then has no data at all.</summary>
    public bool RootEmptied { get; private set; }

    /// <summary>Called after children were removed from <paramref name="container"/>.</summary>
    public void ChildrenRemoved(JsonNode container)
    {
        if (JsonContainer.Count(container) == 0)
        {
            (_emptied ??= []).Add(container);
        }
    }

    /// <summary>
    /// Called at the end of each operation. Waiting until then matters: a move may empty a container and then
    /// put a value back in it, and that container is not emptied.
    /// </summary>
    public void Settle()
    {
        if (_emptied is null)
        {
            return;
        }

        foreach (var container in _emptied)
        {
            if (JsonContainer.Count(container) != 0)
            {
                continue;
            }

            if (ReferenceEquals(container, Root))
            {
                RootEmptied = true;
            }
            else
            {
                JsonContainer.Nullify(container);
            }
        }

        _emptied.Clear();
    }
}
