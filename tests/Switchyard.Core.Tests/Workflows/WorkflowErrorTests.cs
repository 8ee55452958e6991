using System.Diagnostics;
using Switchyard.Testing;

namespace Switchyard.Core.Tests.Workflows;

public sealed class WorkflowErrorTests
{
    private static Task<TestBackend> Backend() => TestBackend.StartAsync(context => context.Request.Path.Value switch
    {
        "/first" => TestBackend.Json(context, """{"first":1}"""),
        "/broken" => TestBackend.Json(context, """{"error":"down"}""", 500),
        "/third" => TestBackend.Json(context, """{"third":3}"""),
        "/outside" => TestBackend.Json(context, """{"outside":true}"""),
        "/slow" => Slow(context),
        _ => TestBackend.Json(context, "{}", 404),
    });

    private static async Task Slow(Microsoft.AspNetCore.Http.HttpContext context)
    {
        await Task.Delay(TimeSpan.FromSeconds(3), context.RequestAborted);
        await TestBackend.Json(context, """{"slow":true}""");
    }

    private static string ChainWithBrokenMiddle(string host, bool ignoreErrors) => $$"""
        {"version": 3, "host": ["{{host}}"], "endpoints": [{"endpoint": "/x", "backend": [
          {"url_pattern": "/outside", "group": "outside"},
          {"url_pattern": "/__workflow", "group": "flow", "extra_config": {"workflow": {
            "endpoint": "/flow", "ignore_errors": {{(ignoreErrors ? "true" : "false")}},
            "extra_config": {"proxy": {"sequential": true} },
            "backend": [{"url_pattern": "/first"}, {"url_pattern": "/broken"}, {"url_pattern": "/third"}]} } }]}]}
        """;

    [Fact]
    public async Task Without_ignore_errors_a_failing_middle_step_stops_the_workflow_and_the_parent_sees_a_failed_backend()
    {
        await using var backend = await Backend();
        var pipe = WorkflowPipe.Compile(ChainWithBrokenMiddle(backend.Host, ignoreErrors: false));

        var response = await pipe(WorkflowPipe.Request(), default);

        response.Data!.ToJsonString().Should().Be("""{"outside":{"outside":true}}""");
        response.IsComplete.Should().BeFalse();
        response.Error!.Message.Should().StartWith("/__workflow/flow: invalid status code 500");
        backend.Received.Select(r => r.Target).Should().NotContain("/third");
    }

    [Fact]
    public async Task With_ignore_errors_every_remaining_step_runs_and_what_succeeded_is_returned()
    {
        await using var backend = await Backend();
        var pipe = WorkflowPipe.Compile(ChainWithBrokenMiddle(backend.Host, ignoreErrors: true));

        var response = await pipe(WorkflowPipe.Request(), default);

        response.Data!["flow"]!.ToJsonString().Should().Be("""{"first":1,"third":3}""");
        response.Data!.Should().ContainKey("outside");
        response.IsComplete.Should().BeFalse("a step failed, so the answer is not complete");
        response.Error.Should().BeNull();
        backend.Received.Select(r => r.Target).Should().Contain("/third");
    }

    [Fact]
    public async Task Without_ignore_errors_a_failing_parallel_step_cancels_its_siblings()
    {
        await using var backend = await Backend();
        var pipe = WorkflowPipe.Compile($$"""
            {"version": 3, "host": ["{{backend.Host}}"], "timeout": "5s", "endpoints": [{"endpoint": "/x", "backend": [
              {"url_pattern": "/__workflow", "extra_config": {"workflow": {"endpoint": "/flow", "backend": [
                {"url_pattern": "/broken"}, {"url_pattern": "/slow"}]} } }]}]}
            """);

        var clock = Stopwatch.StartNew();
        var response = await pipe(WorkflowPipe.Request(), default);

        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(2), "the slow sibling is cancelled, not awaited");
        response.IsEmpty.Should().BeTrue();
        response.Error!.Message.Should().StartWith("/__workflow/flow: invalid status code 500");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_step_denied_by_its_policy_is_skipped_and_fails_the_workflow_unless_errors_are_ignored(bool ignoreErrors)
    {
        await using var backend = await Backend();
        var pipe = WorkflowPipe.Compile($$"""
            {"version": 3, "host": ["{{backend.Host}}"], "endpoints": [{"endpoint": "/x/{mode}", "backend": [
              {"url_pattern": "/outside", "group": "outside"},
              {"url_pattern": "/__workflow/{mode}", "group": "flow", "extra_config": {"workflow": {
                "endpoint": "/flow/{mode}", "ignore_errors": {{(ignoreErrors ? "true" : "false")}},
                "backend": [
                  {"url_pattern": "/first"},
                  {"url_pattern": "/third", "extra_config": {"security/policies": {"req": {
                    "policies": ["req_params.Mode == 'all'"], "error": {"status": 403} } } } }]} } }]}]}
            """);

        var response = await pipe(WorkflowPipe.Request(("Mode", "some")), default);

        backend.Received.Select(r => r.Target).Should().NotContain("/third", "the denied step is never called");
        if (ignoreErrors)
        {
            response.Data!["flow"]!.ToJsonString().Should().Be("""{"first":1}""");
            response.Error.Should().BeNull();
        }
        else
        {
            response.Data!.Should().NotContainKey("flow");
            response.Error!.Message.Should().Be("/__workflow/flow/{mode}: policy #0 not satisfied");
        }

        response.IsComplete.Should().BeFalse();
    }

    [Fact]
    public async Task A_child_timeout_shorter_than_the_parent_stops_only_the_workflow()
    {
        await using var backend = await Backend();
        var pipe = WorkflowPipe.Compile($$"""
            {"version": 3, "host": ["{{backend.Host}}"], "timeout": "3s", "endpoints": [{"endpoint": "/x", "backend": [
              {"url_pattern": "/outside", "group": "outside"},
              {"url_pattern": "/__workflow", "group": "flow", "extra_config": {"workflow": {
                "endpoint": "/flow", "timeout": "300ms", "backend": [{"url_pattern": "/slow"}]} } }]}]}
            """);

        var clock = Stopwatch.StartNew();
        var response = await pipe(WorkflowPipe.Request(), default);

        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(1.5));
        response.Data!.ToJsonString().Should().Be("""{"outside":{"outside":true}}""");
        response.IsComplete.Should().BeFalse();
        response.Error!.Message.Should().Be("/__workflow/flow: context deadline exceeded");
    }

    [Fact]
    public async Task The_endpoint_timeout_stops_every_nested_level()
    {
        await using var backend = await Backend();
        var pipe = WorkflowPipe.Compile($$"""
            {"version": 3, "host": ["{{backend.Host}}"], "timeout": "400ms", "endpoints": [{"endpoint": "/x", "backend": [
              {"url_pattern": "/__workflow", "extra_config": {"workflow": {"endpoint": "/one", "backend": [
                {"url_pattern": "/__workflow", "extra_config": {"workflow": {"endpoint": "/two", "backend": [
                  {"url_pattern": "/slow"}]} } }]} } }]}]}
            """);

        using var endpointDeadline = new CancellationTokenSource(TimeSpan.FromMilliseconds(400));
        var clock = Stopwatch.StartNew();
        var response = await pipe(WorkflowPipe.Request(), endpointDeadline.Token);

        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(1.5));
        response.IsEmpty.Should().BeTrue();
        response.Error!.Message.Should().Contain("context deadline exceeded");
    }
}
