using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Switchyard.Testing;

namespace Switchyard.Core.Tests.Workflows;

[Collection(TimingCollection.Name)]
public sealed class WorkflowNestingTests
{
    /// <summary>Records when each named call started and ended, on one clock.</summary>
    private sealed class Timeline
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        public ConcurrentDictionary<string, (TimeSpan Start, TimeSpan End)> Calls { get; } = new();

        public Func<HttpContext, Task> Answer(string body, TimeSpan delay) => async context =>
        {
            var start = _clock.Elapsed;
            await Task.Delay(delay, context.RequestAborted);
            Calls[context.Request.Path.Value!] = (start, _clock.Elapsed);
            await TestBackend.Json(context, body);
        };
    }

    [Fact]
    public async Task Three_levels_sequential_in_parallel_in_sequential_with_variables_reaching_the_third_level()
    {
        // Order, not time, is asserted: the 10 s timeout only keeps a stalled machine from failing the test.
        var timeline = new Timeline();
        await using var backend = await TestBackend.StartAsync(context => context.Request.Path.Value switch
        {
            "/users/42" => timeline.Answer("""{"user":{"id":7,"name":"ana"}}""", TimeSpan.FromMilliseconds(20))(context),
            "/audit" => timeline.Answer("""{"audited":true}""", TimeSpan.FromMilliseconds(150))(context),
            var p when p!.StartsWith("/accounts/") => timeline.Answer("""{"account":"acc-9"}""", TimeSpan.FromMilliseconds(20))(context),
            var p when p!.StartsWith("/ledger/") => timeline.Answer("""{"balance":10.50}""", TimeSpan.Zero)(context),
            _ => TestBackend.Json(context, "{}", 404),
        });

        var pipe = WorkflowPipe.Compile($$"""
            {"version": 3, "host": ["{{backend.Host}}"], "timeout": "10s", "endpoints": [{
              "endpoint": "/profile/{id}",
              "extra_config": {"proxy": {"sequential": true} },
              "backend": [
                {"url_pattern": "/users/{id}", "group": "profile"},
                {"url_pattern": "/__workflow/{id}/{resp0_profile.user.id}", "group": "level2",
                 "extra_config": {"workflow": {
                   "endpoint": "/level2/{id}/{resp0_profile.user.id}",
                   "backend": [
                     {"url_pattern": "/audit", "group": "audit"},
                     {"url_pattern": "/__workflow/{id}/{resp0_profile.user.id}", "group": "level3",
                      "extra_config": {"workflow": {
                        "endpoint": "/level3/{id}/{resp0_profile.user.id}",
                        "extra_config": {"proxy": {"sequential": true} },
                        "backend": [
                          {"url_pattern": "/accounts/{id}/{resp0_profile.user.id}"},
                          {"url_pattern": "/ledger/{resp0_account}?user={resp0_profile.user.id}"}
                        ]} } }
                   ]} } }
              ]}]}
            """);

        var response = await pipe(WorkflowPipe.Request(("Id", "42")), default);

        response.Error.Should().BeNull();
        response.IsComplete.Should().BeTrue();
        response.Data!.ToJsonString().Should().Be(
            """{"profile":{"user":{"id":7,"name":"ana"}},"level2":{"level3":{"account":"acc-9","balance":10.50},"audit":{"audited":true}}}""");
        backend.Received.Select(r => r.Target).Should().Contain(["/accounts/42/7", "/ledger/acc-9?user=7"]);

        var calls = timeline.Calls;
        calls["/audit"].Start.Should().BeGreaterThan(calls["/users/42"].End, "level 2 runs after the first step of the chain");
        calls["/accounts/42/7"].Start.Should().BeLessThan(calls["/audit"].End, "level 3 runs beside the audit step");
        calls["/ledger/acc-9"].Start.Should().BeGreaterThan(calls["/accounts/42/7"].End, "level 3's chain waits for its first step");
    }

    [Fact]
    public async Task Steps_of_a_fan_out_run_concurrently()
    {
        // Overlap, not wall-clock time: every step starts before any step ends, however busy the machine is.
        var timeline = new Timeline();
        await using var slow = await TestBackend.StartAsync(context => timeline.Answer("""{"ok":true}""", TimeSpan.FromMilliseconds(200))(context));
        var pipe = WorkflowPipe.Compile($$"""
            {"version": 3, "host": ["{{slow.Host}}"], "endpoints": [{"endpoint": "/fan", "backend": [
              {"url_pattern": "/__workflow", "extra_config": {"workflow": {"endpoint": "/fan-out", "backend": [
                {"url_pattern": "/a", "group": "a"}, {"url_pattern": "/b", "group": "b"}, {"url_pattern": "/c", "group": "c"}]} } }]}]}
            """);

        var response = await pipe(WorkflowPipe.Request(), default);

        response.Data!.Select(p => p.Key).Should().BeEquivalentTo(["a", "b", "c"]);
        var calls = timeline.Calls;
        calls.Keys.Should().BeEquivalentTo(["/a", "/b", "/c"]);
        var lastStart = calls.Values.Max(call => call.Start);
        var firstEnd = calls.Values.Min(call => call.End);
        lastStart.Should().BeLessThan(firstEnd, "three steps side by side all start before the first of them ends");
    }

    [Fact]
    public async Task A_sequential_chain_waits_for_each_step()
    {
        var timeline = new Timeline();
        await using var backend = await TestBackend.StartAsync(context =>
            timeline.Answer($$"""{"{{context.Request.Path.Value!.Trim('/')}}":true}""", TimeSpan.FromMilliseconds(60))(context));
        var pipe = WorkflowPipe.Compile($$"""
            {"version": 3, "host": ["{{backend.Host}}"], "endpoints": [{"endpoint": "/chain", "backend": [
              {"url_pattern": "/__workflow", "extra_config": {"workflow": {"endpoint": "/chain",
                "extra_config": {"proxy": {"sequential": true} },
                "backend": [{"url_pattern": "/one"}, {"url_pattern": "/two"}, {"url_pattern": "/three"}]} } }]}]}
            """);

        var response = await pipe(WorkflowPipe.Request(), default);

        response.Data!.Select(p => p.Key).Should().BeEquivalentTo(["one", "two", "three"]);
        timeline.Calls["/two"].Start.Should().BeGreaterThanOrEqualTo(timeline.Calls["/one"].End);
        timeline.Calls["/three"].Start.Should().BeGreaterThanOrEqualTo(timeline.Calls["/two"].End);
    }
}
