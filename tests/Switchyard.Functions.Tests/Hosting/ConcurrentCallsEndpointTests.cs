using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Http;
using Switchyard.Testing;

namespace Switchyard.Functions.Tests.Hosting;

public sealed class ConcurrentCallsEndpointTests
{
    [Fact]
    public async Task The_fastest_of_three_calls_answers_and_the_backend_saw_all_three()
    {
        var calls = 0;
        await using var backend = await TestBackend.StartAsync(async context =>
        {
            // The first two calls to arrive hang; the third answers at once.
            if (Interlocked.Increment(ref calls) <= 2)
            {
                await Task.Delay(TimeSpan.FromSeconds(10), context.RequestAborted);
            }

            await TestBackend.Json(context, """{"answer":"fast"}""");
        });
        await using var gateway = await TestGateway.StartAsync(TestGateway.Config($$"""
            {"endpoint": "/race", "timeout": "3s", "concurrent_calls": 3, "backend": [
              {"host": ["{{backend.Host}}"], "url_pattern": "/answer"}]}
            """));

        var clock = Stopwatch.StartNew();
        var response = await gateway.Client.GetAsync("/race");

        // The calls' own deadline is 75% of 3s: answering well before it means the fast call won alone.
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(1.5), "the fast call wins without waiting for the slow ones");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be("""{"answer":"fast"}""");
        response.Headers.GetValues("X-KrakenD-Completed").Should().Equal("true");
        backend.Received.Should().HaveCount(3);
        backend.Received.Should().OnlyContain(r => r.Target == "/answer" && r.Method == "GET");
    }

    [Fact]
    public async Task Each_call_is_load_balanced_on_its_own_so_two_hosts_are_both_used()
    {
        // Both answer slowly enough that neither call is cancelled before it reaches its host.
        await using var first = await TestBackend.StartAsync("""{"host":"first"}""", delay: TimeSpan.FromMilliseconds(200));
        await using var second = await TestBackend.StartAsync("""{"host":"second"}""", delay: TimeSpan.FromMilliseconds(200));
        await using var gateway = await TestGateway.StartAsync(TestGateway.Config($$"""
            {"endpoint": "/race", "concurrent_calls": 2, "backend": [
              {"host": ["{{first.Host}}", "{{second.Host}}"], "url_pattern": "/answer"}]}
            """));

        var response = await gateway.Client.GetAsync("/race");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().BeOneOf("""{"host":"first"}""", """{"host":"second"}""");
        response.Headers.GetValues("X-KrakenD-Completed").Should().Equal("true");
        first.Received.Should().ContainSingle();
        second.Received.Should().ContainSingle();
    }

    [Fact]
    public async Task Every_call_failing_is_a_500()
    {
        await using var backend = await TestBackend.StartAsync("""{"error":"down"}""", status: 503);
        await using var gateway = await TestGateway.StartAsync(TestGateway.Config($$"""
            {"endpoint": "/race", "concurrent_calls": 3, "backend": [
              {"host": ["{{backend.Host}}"], "url_pattern": "/answer"}]}
            """));

        var response = await gateway.Client.GetAsync("/race");

        response.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        (await response.Content.ReadAsStringAsync()).Should().BeEmpty();
        response.Headers.GetValues("X-KrakenD-Completed").Should().Equal("false");
        backend.Received.Should().HaveCount(3);
    }

    [Fact]
    public async Task A_call_that_succeeds_wins_over_calls_that_fail()
    {
        var calls = 0;
        await using var backend = await TestBackend.StartAsync(context =>
            // The first two calls fail at once; the third answers a little later and still wins.
            Interlocked.Increment(ref calls) <= 2
                ? TestBackend.Json(context, """{"error":"down"}""", StatusCodes.Status500InternalServerError)
                : DelayedJson(context, """{"answer":"late but good"}""", TimeSpan.FromMilliseconds(150)));
        await using var gateway = await TestGateway.StartAsync(TestGateway.Config($$"""
            {"endpoint": "/race", "concurrent_calls": 3, "backend": [
              {"host": ["{{backend.Host}}"], "url_pattern": "/answer"}]}
            """));

        var response = await gateway.Client.GetAsync("/race");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be("""{"answer":"late but good"}""");
        response.Headers.GetValues("X-KrakenD-Completed").Should().Equal("true");
    }

    [Fact]
    public async Task Every_call_slower_than_75_percent_of_the_timeout_is_a_500_well_before_the_timeout_ends()
    {
        // 75% of 1s is 750ms: the calls are given up then, far from the backend's 10s.
        await using var backend = await TestBackend.StartAsync("""{"answer":"too late"}""", delay: TimeSpan.FromSeconds(10));
        await using var gateway = await TestGateway.StartAsync(TestGateway.Config($$"""
            {"endpoint": "/race", "timeout": "1s", "concurrent_calls": 3, "backend": [
              {"host": ["{{backend.Host}}"], "url_pattern": "/answer"}]}
            """));

        var clock = Stopwatch.StartNew();
        var response = await gateway.Client.GetAsync("/race");

        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(2));
        response.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        (await response.Content.ReadAsStringAsync()).Should().BeEmpty();
        response.Headers.GetValues("X-KrakenD-Completed").Should().Equal("false");
        backend.Received.Should().HaveCount(3);
    }

    private static async Task DelayedJson(HttpContext context, string body, TimeSpan delay)
    {
        await Task.Delay(delay, context.RequestAborted);
        await TestBackend.Json(context, body);
    }
}
