using System.Text.Json.Nodes;

namespace Switchyard.Core.Pipeline;

/// <summary>
/// Combines backend parts in the order they arrive: a shallow top-level merge where a later part overwrites a
/// colliding key. Any failed, missing or incomplete part makes the result incomplete; errors are joined, and the
/// <see cref="MergeFailurePolicy"/> decides what a failure does to the result.
/// </summary>
internal sealed class MergeAccumulator(int expected, MergeFailurePolicy policy = MergeFailurePolicy.Partial)
{
    private readonly List<ProxyError> _errors = [];
    private JsonObject? _data;
    private bool _allComplete = true;
    private int _pending = expected;

    /// <summary>True when a part has failed; with <see cref="MergeFailurePolicy.Abort"/> the merge stops there.</summary>
    public bool HasFailed => _errors.Count > 0;

    /// <summary>True when a part carries an error or no data at all.</summary>
    public static bool IsFailure(ProxyResponse part) => part.Error is not null || part.Data is null;

    /// <summary>Adds one part. A part that carries an error counts as failed, whatever data it has.</summary>
    public void Add(ProxyResponse part)
    {
        _pending--;
        if (part.Error is not null || part.Data is not { } data)
        {
            _errors.Add(part.Error ?? InvalidResponse);
            return;
        }

        _allComplete &= part.IsComplete;
        if (_data is null)
        {
            _data = data;
            return;
        }

        MoveInto(_data, data);
    }

    /// <summary>The merged response: no data at all when no part succeeded, else the data, incomplete if anything was missing.</summary>
    public ProxyResponse Result()
    {
        var error = ProxyError.Join(_errors);
        if (_data is null || (error is not null && policy == MergeFailurePolicy.Abort))
        {
            return ProxyResponse.Failed(error ?? InvalidResponse);
        }

        var complete = _allComplete && _pending == 0 && error is null;

        // ignore_errors: the failed steps are left out, so what succeeded travels on as data, not as a failure.
        return new ProxyResponse { Data = _data, IsComplete = complete, Error = policy == MergeFailurePolicy.Continue ? null : error };
    }


    /// <summary>The error of a part that answered neither data nor an error.</summary>
    public static readonly ProxyError InvalidResponse = new("invalid response");

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
