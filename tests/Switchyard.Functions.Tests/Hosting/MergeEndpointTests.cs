using System.Diagnostics;
using System.Net;
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

        response.StatusCode.Should().Be(HttpStatusCode.OK);
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

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be("""{"user":{"name":"ana"}}""");
        response.Headers.GetValues("X-KrakenD-Completed").Should().Equal("false");
        response.Headers.CacheControl.Should().BeNull();
    }

    [Fact]
    public async Task No_backend_answering_gives_a_500_with_an_empty_body()
    {
        await using var users = await TestBackend.StartAsync("""{"error":"down"}""", status: 503);
        await using var orders = await TestBackend.StartAsync("""{"error":"gone"}""", status: 404);
        await using var gateway = await TestGateway.StartAsync(TestGateway.Config($$"""
            {"endpoint": "/dashboard", "cache_ttl": "1m", "backend": [
              {"host": ["{{users.Host}}"], "url_pattern": "/users", "group": "user"},
              {"host": ["{{orders.Host}}"], "url_pattern": "/orders", "group": "orders"}]}
            """));

        var response = await gateway.Client.GetAsync("/dashboard");

        response.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        (await response.Content.ReadAsStringAsync()).Should().BeEmpty();
        response.Headers.GetValues("X-KrakenD-Completed").Should().Equal("false");
        response.Headers.CacheControl.Should().BeNull();
    }

    [Fact]
    public async Task With_return_error_msg_the_joined_errors_of_every_backend_are_the_body_in_arrival_order()
    {
        await using var users = await TestBackend.StartAsync("""{"error":"down"}""", status: 503, delay: TimeSpan.FromMilliseconds(200));
        await using var orders = await TestBackend.StartAsync("""{"error":"gone"}""", status: 404);
        await using var gateway = await TestGateway.StartAsync(TestGateway.Config(
            $$"""
            {"endpoint": "/dashboard", "backend": [
              {"host": ["{{users.Host}}"], "url_pattern": "/users", "group": "user"},
              {"host": ["{{orders.Host}}"], "url_pattern": "/orders", "group": "orders"}]}
            """,
            """ "extra_config": {"router": {"return_error_msg": true}} """));

        var response = await gateway.Client.GetAsync("/dashboard");

        response.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        (await response.Content.ReadAsStringAsync()).Should().Be(
            $"invalid status code 404 [GET /orders]: {orders.Host}/orders\ninvalid status code 503 [GET /users]: {users.Host}/users");
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/plain");
        response.Headers.GetValues("X-KrakenD-Completed").Should().Equal("false");
    }

    [Fact]
    public async Task A_backend_later_than_85_percent_of_the_timeout_is_left_out_of_a_partial_200()
    {
        // 85% of 500ms is 425ms: the merge stops waiting long before the slow backend answers.
        await using var users = await TestBackend.StartAsync("""{"name":"ana"}""");
        await using var orders = await TestBackend.StartAsync("""{"total":3}""", delay: TimeSpan.FromSeconds(5));
        await using var gateway = await TestGateway.StartAsync(TestGateway.Config($$"""
            {"endpoint": "/dashboard", "timeout": "500ms", "cache_ttl": "1m", "backend": [
              {"host": ["{{users.Host}}"], "url_pattern": "/users", "group": "user"},
              {"host": ["{{orders.Host}}"], "url_pattern": "/orders", "group": "orders"}]}
            """));

        var clock = Stopwatch.StartNew();
        var response = await gateway.Client.GetAsync("/dashboard");

        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(2));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be("""{"user":{"name":"ana"}}""");
        response.Headers.GetValues("X-KrakenD-Completed").Should().Equal("false");
        response.Headers.CacheControl.Should().BeNull();
    }

    [Theory]
    [InlineData(0, 200, """{"a":1,"b":2,"shared":"from b"}""")]
    [InlineData(200, 0, """{"a":1,"b":2,"shared":"from a"}""")]
    public async Task Without_groups_a_colliding_key_takes_the_value_of_the_part_that_arrived_last(int delayA, int delayB, string expected)
    {
        await using var a = await TestBackend.StartAsync("""{"shared":"from a","a":1}""", delay: TimeSpan.FromMilliseconds(delayA));
        await using var b = await TestBackend.StartAsync("""{"shared":"from b","b":2}""", delay: TimeSpan.FromMilliseconds(delayB));
        await using var gateway = await TestGateway.StartAsync(TestGateway.Config($$"""
            {"endpoint": "/both", "backend": [
              {"host": ["{{a.Host}}"], "url_pattern": "/a"},
              {"host": ["{{b.Host}}"], "url_pattern": "/b"}]}
            """));

        var response = await gateway.Client.GetAsync("/both");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be(expected);
        response.Headers.GetValues("X-KrakenD-Completed").Should().Equal("true");
    }

    [Fact]
    public async Task Complete_but_empty_data_is_not_marked_complete_nor_cached()
    {
        await using var a = await TestBackend.StartAsync("{}");
        await using var b = await TestBackend.StartAsync("{}");
        await using var gateway = await TestGateway.StartAsync(TestGateway.Config($$"""
            {"endpoint": "/empty", "cache_ttl": "1m", "backend": [
              {"host": ["{{a.Host}}"], "url_pattern": "/a"},
              {"host": ["{{b.Host}}"], "url_pattern": "/b"}]}
            """));

        var response = await gateway.Client.GetAsync("/empty");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be("{}");
        response.Headers.GetValues("X-KrakenD-Completed").Should().Equal("false");
        response.Headers.CacheControl.Should().BeNull();
    }
}
