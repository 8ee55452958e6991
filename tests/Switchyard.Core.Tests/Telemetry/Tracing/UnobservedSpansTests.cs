using System.Collections.Concurrent;
using System.Diagnostics;
using Switchyard.Core.Encoding;
using Switchyard.Core.Pipeline;
using Switchyard.Core.Telemetry;
using Switchyard.Testing;

namespace Switchyard.Core.Tests.Telemetry.Tracing;

/// <summary>
/// Without a listener no span exists at all. In the collection that runs alone: a listener of another test would make
/// the source listened to.
/// </summary>
[Collection(TimingCollection.Name)]
public sealed class UnobservedSpansTests
{
    /// <summary>The shared client, noting the current span of every backend call it makes.</summary>
    private sealed class SpanNotingClient(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        public ConcurrentQueue<Activity?> Current { get; } = new();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Current.Enqueue(Activity.Current);
            return base.SendAsync(request, cancellationToken);
        }
    }

    [Fact]
    public async Task Nobody_listening_the_pipe_starts_no_span_and_its_calls_run_under_none()
    {
        await using var backend = await TestBackend.StartAsync("""{"ok":true}""");
        var noting = new SpanNotingClient(new SocketsHttpHandler());
        var endpoint = TracedPipe.Endpoint($$"""
            {"version": 3, "host": ["{{backend.Host}}"], "endpoints": [{"endpoint": "/quiet", "concurrent_calls": 2,
              "backend": [{"url_pattern": "/a"}, {"url_pattern": "/b"}]}]}
            """);
        var pipe = new ProxyFactory(new HttpMessageInvoker(noting), DecoderRegistry.Default).CreateEndpoint(endpoint);

        GatewayTracing.Source.HasListeners().Should().BeFalse("no test listens now");
        GatewayTracing.Source.StartActivity("probe").Should().BeNull();
        var response = await pipe(TracedPipe.Request(), default);

        response.IsComplete.Should().BeTrue();
        noting.Current.Should().HaveCountGreaterThanOrEqualTo(2).And.OnlyContain(span => span == null);

        var unobserved = noting.Current.Count;
        using (new SpanRecorder())
        {
            await pipe(TracedPipe.Request(), default);
            noting.Current.Skip(unobserved).Should().NotBeEmpty().And.OnlyContain(span => span != null && span.Source == GatewayTracing.Source,
                "the same pipe starts spans once something listens");
        }
    }
}
