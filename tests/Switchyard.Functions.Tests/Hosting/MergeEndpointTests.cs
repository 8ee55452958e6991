using Switchyard.Testing;

namespace Switchyard.Functions.Tests.Hosting;

public sealed class MergeEndpointTests
{
    [Fact]
    public async Task Parallel_backends_are_merged_into_groups_and_marked_complete()
    {
        await using var users = await TestBackend.StartAsync("""{"name":"ana"}""");
        await using var orders = await TestBackend.StartAsync("""{"total":3}""");
        await using var gateway = await TestGateway.StartAsync(TestGateway.Config($$"""
            {"endpoint": "/dashboard", "cache_ttl": "1m", "backend": [
              {"host": ["{{users.Host}}"], "url_pattern": "/users", "group": "user"},
              {"host": ["{{orders.Host}}"], "url_pattern": "/orders", "group": "orders"}]}
            """));

        var response = await gateway.Client.GetAsync("/dashboard");

        response.StatusCode.Should().Be(System.Net.HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be("""{"orders":{"total":3},"user":{"name":"ana"}}""");
        response.Headers.GetValues("X-KrakenD-Completed").Should().Equal("true");
        response.Headers.CacheControl!.ToString().Should().Be("public, max-age=60");
    }

    [Fact]
    public async Task A_failing_backend_gives_a_partial_200_marked_incomplete_without_cache()
    {
        await using var users = await TestBackend.StartAsync("""{"name":"ana"}""");
        await using var orders = await TestBackend.StartAsync("""{"error":"down"}""", status: 500);
        await using var gateway = await TestGateway.StartAsync(TestGateway.Config($$"""
            {"endpoint": "/dashboard", "cache_ttl": "1m", "backend": [
              {"host": ["{{users.Host}}"], "url_pattern": "/users", "group": "user"},
              {"host": ["{{orders.Host}}"], "url_pattern": "/orders", "group": "orders"}]}
            """));

        var response = await gateway.Client.GetAsync("/dashboard");

        response.StatusCode.Should().Be(System.Net.HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be("""{"user":{"name":"ana"}}""");
        response.Headers.GetValues("X-KrakenD-Completed").Should().Equal("false");
        response.Headers.CacheControl.Should().BeNull();
    }
}
