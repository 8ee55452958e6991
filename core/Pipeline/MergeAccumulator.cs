using System.Text.Json.Nodes;

namespace Switchyard.Core.Pipeline;

/// <summary>
/// Combines backend parts in the order they arrive: a shallow top-level merge where a later part overwrites a
/// colliding key. Any failed, missing or incomplete part makes the result incomplete; errors are joined.
/// </summary>
internal sealed class MergeAccumulator(int expected)
{
    private readonly List<ProxyError> _errors = [];
    private JsonObject? _data;
    private bool _allComplete = true;
    private int _pending = expected;

    /// <summary>Adds one part. A part that carries an error counts as failed, whatever data it has.</summary>
    public void Add(ProxyResponse part)
    {
        _pending--;
        if (part.Error is not null)
        {
            _errors.Add(part.Error);
            return;
        }

        if (part.Data is null)
        {
            _errors.Add(InvalidResponse);
            return;
        }

        _allComplete &= part.IsComplete;
        if (_data is null)
        {
            _data = part.Data;
            return;
        }

        MoveInto(_data, part.Data);
    }

    /// <summary>The merged response: no data at all when no part succeeded, else the data, incomplete if anything was missing.</summary>
    public ProxyResponse Result()
    {
        var error = ProxyError.Join(_errors);
        if (_data is null)
        {
            return ProxyResponse.Failed(error ?? InvalidResponse);
        }

        return new ProxyResponse { Data = _data, IsComplete = _allComplete && _pending == 0 && error is null, Error = error };
    }


    private static readonly ProxyError InvalidResponse = new("invalid response");

    private static void MoveInto(JsonObject target, JsonObject source)
    {
        // A JsonNode has one parent: detach every value from the part before re-attaching it to the result.
        var entries = source.ToArray();
        source.Clear();
        foreach (var (key, value) in entries)
        {
            target[key] = value;
        }
    }
}
