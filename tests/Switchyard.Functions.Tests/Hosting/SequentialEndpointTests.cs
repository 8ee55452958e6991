using System.Diagnostics;
using System.Net;
using Switchyard.Testing;

namespace Switchyard.Functions.Tests.Hosting;

public sealed class SequentialEndpointTests
{
    // The step's data is read after its formatter ran, so a grouped step is addressed through its group.
    [Fact]
    public async Task A_value_of_the_first_response_reaches_the_second_backends_path_and_query()
    {
        await using var users = await TestBackend.StartAsync("""{"user":{"id":42,"name":"ana"}}""");
        await using var orders = await TestBackend.StartAsync("""{"total":3}""");
        await using var gateway = await TestGateway.StartAsync(Sequential(
            $$"""{"host": ["{{users.Host}}"], "url_pattern": "/users/{id}", "group": "profile"}""",
            $$"""{"host": ["{{orders.Host}}"], "url_pattern": "/users/{resp0_profile.user.id}/orders?owner={resp0_profile.user.name}", "group": "orders"}""",
            endpoint: "/dashboard/{id}"));

        var response = await gateway.Client.GetAsync("/dashboard/7");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be("""{"orders":{"total":3},"profile":{"user":{"id":42,"name":"ana"}}}""");
        response.Headers.GetValues("X-KrakenD-Completed").Should().Equal("true");
        users.Received.Single().Target.Should().Be("/users/7");
        orders.Received.Single().Target.Should().Be("/users/42/orders?owner=ana");
    }

    [Theory]
    [InlineData("\"ana\"", "ana", "ana")]
    [InlineData("\"ana lee\"", "ana%20lee", "ana%20lee")]
    [InlineData("42", "42", "42")]
    [InlineData("19.90", "19.90", "19.90")]
    [InlineData("-1e3", "-1e3", "-1e3")]
    [InlineData("true", "true", "true")]
    [InlineData("false", "false", "false")]
    [InlineData("""["a","b",3]""", "a,b,3", "a,b,3")]
    [InlineData("[]", "", "")]
    // Go's %v of a nil and of a map, percent-encoded where they land.
    [InlineData("null", "%3Cnil%3E", "%3Cnil%3E")]
    [InlineData("""{"b":1,"a":"x"}""", "map%5Ba:x%20b:1%5D", "map%5Ba:x%20b:1%5D")]
    public async Task Each_kind_of_value_is_written_into_the_url_as_KrakenD_formats_it(string json, string inPath, string inQuery)
    {
        await using var first = await TestBackend.StartAsync($$"""{"v":{{json}}}""");
        await using var second = await TestBackend.StartAsync("""{"ok":true}""");
        await using var gateway = await TestGateway.StartAsync(Sequential(
            $$"""{"host": ["{{first.Host}}"], "url_pattern": "/first"}""",
            $$"""{"host": ["{{second.Host}}"], "url_pattern": "/second/{resp0_v}?v={resp0_v}"}"""));

        var response = await gateway.Client.GetAsync("/seq");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.GetValues("X-KrakenD-Completed").Should().Equal("true");
        second.Received.Single().Target.Should().Be($"/second/{inPath}?v={inQuery}");
    }

    [Fact]
    public async Task A_missing_value_leaves_the_placeholder_as_written()
    {
        await using var first = await TestBackend.StartAsync("""{"other":1}""");
        await using var second = await TestBackend.StartAsync("""{"ok":true}""");
        await using var gateway = await TestGateway.StartAsync(Sequential(
            $$"""{"host": ["{{first.Host}}"], "url_pattern": "/first"}""",
            $$"""{"host": ["{{second.Host}}"], "url_pattern": "/second/{resp0_v}"}"""));

        var response = await gateway.Client.GetAsync("/seq");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        second.Received.Single().Target.Should().Be("/second/{resp0_v}");
    }

    [Fact]
    public async Task The_first_backend_failing_is_a_500_and_the_next_backend_is_never_called()
    {
        await using var first = await TestBackend.StartAsync("""{"error":"down"}""", status: 500);
        await using var second = await TestBackend.StartAsync("""{"ok":true}""");
        await using var gateway = await TestGateway.StartAsync(Sequential(
            $$"""{"host": ["{{first.Host}}"], "url_pattern": "/first", "group": "first"}""",
            $$"""{"host": ["{{second.Host}}"], "url_pattern": "/second/{resp0_id}", "group": "second"}"""));

        var response = await gateway.Client.GetAsync("/seq");

        response.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        (await response.Content.ReadAsStringAsync()).Should().BeEmpty();
        response.Headers.GetValues("X-KrakenD-Completed").Should().Equal("false");
        first.Received.Should().ContainSingle();
        second.Received.Should().BeEmpty();
    }

    [Fact]
    public async Task A_later_backend_failing_stops_the_chain_with_a_200_of_what_was_gathered_marked_incomplete()
    {
        await using var first = await TestBackend.StartAsync("""{"id":5}""");
        await using var second = await TestBackend.StartAsync("""{"error":"down"}""", status: 500);
        await using var third = await TestBackend.StartAsync("""{"ok":true}""");
        await using var gateway = await TestGateway.StartAsync(Sequential(
            $$"""{"host": ["{{first.Host}}"], "url_pattern": "/first", "group": "first"}""",
            $$"""{"host": ["{{second.Host}}"], "url_pattern": "/second/{resp0_first.id}", "group": "second"}""",
            $$"""{"host": ["{{third.Host}}"], "url_pattern": "/third", "group": "third"}""",
            cacheTtl: "1m"));

        var response = await gateway.Client.GetAsync("/seq");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be("""{"first":{"id":5}}""");
        response.Headers.GetValues("X-KrakenD-Completed").Should().Equal("false");
        response.Headers.CacheControl.Should().BeNull();
        second.Received.Single().Target.Should().Be("/second/5");
        third.Received.Should().BeEmpty();
    }

    [Fact]
    public async Task A_later_backend_slower_than_85_percent_of_the_timeout_gives_a_partial_200()
    {
        await using var first = await TestBackend.StartAsync("""{"id":5}""");
        await using var second = await TestBackend.StartAsync("""{"ok":true}""", delay: TimeSpan.FromSeconds(5));
        await using var gateway = await TestGateway.StartAsync(TestGateway.Config($$"""
            {"endpoint": "/seq", "timeout": "500ms", "extra_config": {"proxy": {"sequential": true} }, "backend": [
              {"host": ["{{first.Host}}"], "url_pattern": "/first", "group": "first"},
              {"host": ["{{second.Host}}"], "url_pattern": "/second/{resp0_first.id}", "group": "second"}]}
            """));

        var clock = Stopwatch.StartNew();
        var response = await gateway.Client.GetAsync("/seq");

        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(2));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be("""{"first":{"id":5}}""");
        response.Headers.GetValues("X-KrakenD-Completed").Should().Equal("false");
        second.Received.Single().Target.Should().Be("/second/5");
    }

    [Fact]
    public async Task Every_step_receives_the_method_and_body_of_the_client()
    {
        await using var first = await TestBackend.StartAsync("""{"id":5}""");
        await using var second = await TestBackend.StartAsync("""{"ok":true}""");
        await using var gateway = await TestGateway.StartAsync(Sequential(
            $$"""{"host": ["{{first.Host}}"], "url_pattern": "/first"}""",
            $$"""{"host": ["{{second.Host}}"], "url_pattern": "/second/{resp0_id}"}""",
            method: "POST"));

        var response = await gateway.Client.PostAsync("/seq", new StringContent("""{"order":1}""", System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be("""{"id":5,"ok":true}""");
        foreach (var backend in new[] { first, second })
        {
            var received = backend.Received.Single();
            received.Method.Should().Be("POST");
            received.Body.Should().Be("""{"order":1}""");
        }
    }

    private static string Sequential(string first, string second, string? third = null, string endpoint = "/seq", string method = "GET", string cacheTtl = "0s") =>
        TestGateway.Config($$"""
            {"endpoint": "{{endpoint}}", "method": "{{method}}", "cache_ttl": "{{cacheTtl}}",
             "extra_config": {"proxy": {"sequential": true} },
             "backend": [{{first}}, {{second}}{{(third is null ? "" : ", " + third)}}]}
            """);
}
