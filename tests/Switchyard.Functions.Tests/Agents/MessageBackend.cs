using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Switchyard.Testing;

namespace Switchyard.Functions.Tests.Agents;

/// <summary>
/// A loopback backend for agents that counts deliveries per <c>X-Message-Id</c>, stamps when each request arrived and
/// finished (one monotonic clock), and tracks how many requests it held at once.
/// </summary>
internal sealed class MessageBackend : IAsyncDisposable
{
    private readonly TestBackend _backend;
    private readonly Stopwatch _clock;
    private readonly ConcurrentDictionary<string, int> _deliveries;
    private readonly ConcurrentQueue<TimeSpan> _arrivals;
    private readonly ConcurrentQueue<TimeSpan> _completions;
    private readonly Concurrency _concurrency;

    private MessageBackend(
        TestBackend backend,
        Stopwatch clock,
        ConcurrentDictionary<string, int> deliveries,
        ConcurrentQueue<TimeSpan> arrivals,
        ConcurrentQueue<TimeSpan> completions,
        Concurrency concurrency)
    {
        (_backend, _clock, _deliveries, _arrivals, _completions, _concurrency) = (backend, clock, deliveries, arrivals, completions, concurrency);
    }

    public string Host => _backend.Host;

    /// <summary>Requests received, whatever their answer.</summary>
    public int Requests => _arrivals.Count;

    /// <summary>Distinct message ids received.</summary>
    public int DistinctMessages => _deliveries.Count;

    /// <summary>The most requests held at the same time.</summary>
    public int MaxConcurrent => _concurrency.Max;

    /// <summary>When each request arrived, in arrival order, since the backend started.</summary>
    public IReadOnlyList<TimeSpan> Arrivals => [.. _arrivals];

    /// <summary>When each answer was written, in order, since the backend started.</summary>
    public IReadOnlyList<TimeSpan> Completions => [.. _completions];

    /// <summary>How many times the message <paramref name="id"/> arrived.</summary>
    public int DeliveriesOf(string id) => _deliveries.GetValueOrDefault(id);

    /// <summary>The ids of <paramref name="expected"/> that never arrived.</summary>
    public IReadOnlyList<string> Missing(IEnumerable<string> expected) => [.. expected.Where(id => !_deliveries.ContainsKey(id))];

    /// <summary>
    /// Starts a backend that holds each request for <paramref name="delay"/>, then answers with the status
    /// <paramref name="status"/> chooses from the message id and its delivery number (1 for the first), 200 by default.
    /// </summary>
    public static async Task<MessageBackend> StartAsync(TimeSpan delay = default, Func<string, int, int>? status = null)
    {
        var clock = Stopwatch.StartNew();
        var deliveries = new ConcurrentDictionary<string, int>();
        var arrivals = new ConcurrentQueue<TimeSpan>();
        var completions = new ConcurrentQueue<TimeSpan>();
        var concurrency = new Concurrency();
        var backend = await TestBackend.StartAsync(async context =>
        {
            arrivals.Enqueue(clock.Elapsed);
            concurrency.Enter();
            try
            {
                var id = context.Request.Headers["X-Message-Id"].ToString();
                var delivery = deliveries.AddOrUpdate(id, 1, static (_, count) => count + 1);
                if (delay > TimeSpan.Zero)
                {
                    await Task.Delay(delay, context.RequestAborted);
                }

                var code = status?.Invoke(id, delivery) ?? StatusCodes.Status200OK;
                await TestBackend.Json(context, code == StatusCodes.Status200OK ? """{"stored":true}""" : """{"error":"unavailable"}""", code);
            }
            finally
            {
                concurrency.Exit();
                completions.Enqueue(clock.Elapsed);
            }
        });
        return new MessageBackend(backend, clock, deliveries, arrivals, completions, concurrency);
    }

    public ValueTask DisposeAsync() => _backend.DisposeAsync();

    private sealed class Concurrency
    {
        private int _current;
        private int _max;

        public int Max => Volatile.Read(ref _max);

        public void Enter()
        {
            var current = Interlocked.Increment(ref _current);
            int max;
            while (current > (max = Volatile.Read(ref _max)) && Interlocked.CompareExchange(ref _max, current, max) != max)
            {
            }
        }

        public void Exit() => Interlocked.Decrement(ref _current);
    }
}
