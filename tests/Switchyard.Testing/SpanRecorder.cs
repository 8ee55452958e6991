using System.Collections.Concurrent;
using System.Diagnostics;

namespace Switchyard.Testing;

/// <summary>
/// Records the gateway's spans as the OpenTelemetry SDK would receive them (every one sampled and recorded), and starts
/// a root span of the test's own: the spans of this test are those of its trace, whatever other tests run beside it.
/// The HTTP client's own spans are recorded too, as the SDK's HttpClient instrumentation records them: a backend call's
/// <c>traceparent</c> names the client span when there is one.
/// </summary>
public sealed class SpanRecorder : IDisposable
{
    /// <summary>The gateway's source (<c>GatewayTracing.SourceName</c>; this project does not reference the gateway).</summary>
    public const string GatewaySource = "Switchyard";

    private const string HttpClientSource = "System.Net.Http";

    private readonly ConcurrentQueue<Activity> _ended = new();
    private readonly ActivityListener _listener;

    /// <param name="otherSources">More sources to record (the durable engine's).</param>
    public SpanRecorder(params string[] otherSources)
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is GatewaySource or HttpClientSource || otherSources.Contains(source.Name),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _ended.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
        Root = new Activity("test").SetIdFormat(ActivityIdFormat.W3C).Start();
    }

    /// <summary>The test's span: the current one of the test from now on, and the parent of what the test runs.</summary>
    public Activity Root { get; }

    /// <summary>The ended spans of the test's trace.</summary>
    public IReadOnlyList<Activity> Spans => [.. _ended.Where(span => span.TraceId == Root.TraceId && span.Source.Name == GatewaySource)];

    /// <summary>The ended gateway spans of any trace (work started by no request, such as a fan-out batch, starts its own).</summary>
    public IReadOnlyList<Activity> AnyTrace => [.. _ended.Where(span => span.Source.Name == GatewaySource)];

    /// <summary>The ended spans of the test's trace from <paramref name="source"/>.</summary>
    public IReadOnlyList<Activity> From(string source) => [.. _ended.Where(span => span.TraceId == Root.TraceId && span.Source.Name == source)];

    /// <summary>The <c>traceparent</c> a call made under <paramref name="span"/> must carry: its HTTP client span's, else its own.</summary>
    public string TraceParentUnder(Activity span)
    {
        var client = _ended.Where(c => c.Source.Name == HttpClientSource && c.ParentSpanId == span.SpanId).ToList();
        client.Should().HaveCountLessThan(2, "one call is made under a backend span");
        var sent = client.Count == 1 ? client[0] : span;
        // A W3C span's id is its traceparent, flags included, as the HTTP client writes it.
        return sent.Id!;
    }

    /// <summary>The ended spans whose parent is <paramref name="parent"/>.</summary>
    public IReadOnlyList<Activity> ChildrenOf(Activity parent) => [.. Spans.Where(span => span.ParentSpanId == parent.SpanId)];

    /// <summary>The one ended span named <paramref name="name"/>.</summary>
    public Activity Named(string name) => Spans.Should().ContainSingle(span => span.DisplayName == name).Subject;

    /// <summary>Waits until <paramref name="count"/> spans of the trace have ended (some end after the answer: a race's losers).</summary>
    public async Task<IReadOnlyList<Activity>> EndedAsync(int count)
    {
        var deadline = Stopwatch.StartNew();
        while (Spans.Count < count && deadline.Elapsed < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(20);
        }

        Spans.Should().HaveCount(count, "every span of the trace ends");
        return Spans;
    }

    public void Dispose()
    {
        Root.Stop();
        _listener.Dispose();
    }
}
