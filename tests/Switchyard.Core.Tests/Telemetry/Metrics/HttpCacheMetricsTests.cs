using Microsoft.AspNetCore.Http;
using Switchyard.Core.Telemetry;
using Switchyard.Core.Tests.Resilience.HttpCache;
using Switchyard.Testing;

namespace Switchyard.Core.Tests.Telemetry.Metrics;

/// <summary><c>switchyard.http_cache.requests</c> from a backend's real client against a real backend, on the cache's clock.</summary>
public sealed class HttpCacheMetricsTests
{
    [Fact]
    public async Task A_miss_a_hit_a_revalidation_and_a_bypass_are_each_counted_with_the_backends_route()
    {
        using var metrics = new RecordedMetrics(GatewayMetrics.MeterName);
        await using var backend = await CacheBackend.StartAsync();
        backend.Respond = context =>
        {
            context.Response.Headers.ETag = "\"v1\"";
            if (context.Request.Headers.IfNoneMatch == "\"v1\"")
            {
                context.Response.StatusCode = StatusCodes.Status304NotModified;
                return Task.CompletedTask;
            }

            return CacheBackend.Answer(context, "max-age=10", "body");
        };
        var route = "/c" + Guid.NewGuid().ToString("N")[..10];
        var client = backend.Clients("{}", urlPattern: route + "/items")[0];

        await backend.GetAsync(client, "/etag?token=never-a-label");
        await backend.GetAsync(client, "/etag?token=never-a-label");
        backend.Clock.Advance(TimeSpan.FromSeconds(11));
        await backend.GetAsync(client, "/etag?token=never-a-label");
        using (var post = new HttpRequestMessage(HttpMethod.Post, new Uri(backend.BaseAddress, "/etag")))
        {
            using var response = await client.SendAsync(post, CancellationToken.None);
        }

        var requests = metrics.Of("switchyard.http_cache.requests", ("http.route", route + "/items"));
        requests.Should().OnlyContain(m => m.Value == 1 && m.Unit == "{request}" && m["http.request.method"] == "GET");
        requests.Select(m => m["switchyard.http_cache.outcome"]).Should().Equal("miss", "hit", "revalidated", "bypass");
        backend.Calls("/etag").Should().Be(3, "the hit never reached the backend");
        metrics.All.SelectMany(m => m.Tags.Values).Should().NotContain(value => value.Contains("never-a-label", StringComparison.Ordinal));
    }
}
