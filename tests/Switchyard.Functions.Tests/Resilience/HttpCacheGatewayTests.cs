using System.Net;
using Switchyard.Functions.Tests.Hosting;
using Switchyard.Testing;

namespace Switchyard.Functions.Tests.Resilience;

/// <summary>
/// <c>qos/http-cache</c> through the running gateway, with the README's example against a real loopback backend: a
/// <c>max-age</c> answer is served from the cache, shared between the two endpoints that call the same URL.
/// </summary>
public sealed class HttpCacheGatewayTests
{
    [Fact]
    public async Task The_readme_example_serves_both_endpoints_from_one_backend_call()
    {
        await using var backend = await TestBackend.StartAsync(context =>
        {
            context.Response.Headers.CacheControl = "public, max-age=60";
            return TestBackend.Json(context, """{"products": ["tea", "coffee"]}""");
        });
        var config = ReadmeExample.Json("### Backend HTTP cache").Replace("http://catalog:8080", backend.Host, StringComparison.Ordinal);
        await using var gateway = await TestGateway.StartAsync(config);

        foreach (var path in new[] { "products", "products", "catalog/products", "products", "catalog/products" })
        {
            var response = await gateway.Client.GetAsync(path);
            response.StatusCode.Should().Be(HttpStatusCode.OK);
            (await response.Content.ReadAsStringAsync()).Should().Be("""{"products":["tea","coffee"]}""");
        }

        backend.Received.Should().ContainSingle("five requests on two endpoints share one stored answer");
    }
}
