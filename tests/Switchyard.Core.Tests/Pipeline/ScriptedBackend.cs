using System.Diagnostics;
using Switchyard.Core.Pipeline;

namespace Switchyard.Core.Tests.Pipeline;

/// <summary>
/// A backend whose n-th call (0-based) behaves as <paramref name="calls"/> says (the last one repeats); records when
/// each call started and counts the cancelled ones.
/// </summary>
internal sealed class ScriptedBackend(params Proxy[] calls)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<TimeSpan> _starts = [];
    private int _next = -1;
    private int _cancelled;

    public int Started => Volatile.Read(ref _next) + 1;

    public int Cancelled => Volatile.Read(ref _cancelled);

    /// <summary>When each call started, from the backend's creation, in call order.</summary>
    public IReadOnlyList<TimeSpan> Starts
    {
        get
        {
            lock (_starts)
            {
                return [.. _starts];
            }
        }
    }

    public Proxy Proxy => async (request, ct) =>
    {
        var index = Interlocked.Increment(ref _next);
        lock (_starts)
        {
            _starts.Add(_clock.Elapsed);
        }

        try
        {
            return await calls[Math.Min(index, calls.Length - 1)](request, ct);
        }
        catch (OperationCanceledException)
        {
            Interlocked.Increment(ref _cancelled);
            throw;
        }
    };
}
