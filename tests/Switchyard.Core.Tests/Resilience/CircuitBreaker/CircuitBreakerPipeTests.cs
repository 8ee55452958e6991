using Switchyard.Core.Tests.Workflows;
using Switchyard.Testing;

namespace Switchyard.Core.Tests.Resilience.CircuitBreaker;

/// <summary>
/// The breaker where the factory puts it, in front of real loopback backends: what a failure is (the status check
/// included) and a breaker on a backend at any workflow depth.
/// </summary>
public sealed class CircuitBreakerPipeTests
{
    private const string Breaker = """ "qos/circuit-breaker": {"interval": 100, "timeout": 100, "max_errors": 1} """;

    private static async Task<List<string?>> CallTimes(Switchyard.Core.Pipeline.Proxy pipe, int times)
    {
        var errors = new List<string?>();
        for (var i = 0; i < times; i++)
        {
            errors.Add((await pipe(WorkflowPipe.Request(), default)).Error?.Message);
        }

        return errors;
    }

    [Theory]
    [InlineData(500)]
    [InlineData(204)]
    [InlineData(404)]
    public async Task A_status_other_than_200_or_201_is_a_failure(int status)
    {
        await using var backend = await TestBackend.StartAsync(context =>
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        });
        var pipe = WorkflowPipe.Compile($$$$"""
            {"version": 3, "host": ["{{{{backend.Host}}}}"], "endpoints": [{"endpoint": "/e", "backend": [
              {"url_pattern": "/b", "extra_config": { {{{{Breaker}}}} }}]}]}
            """);

        var errors = await CallTimes(pipe, 4);

        errors[..2].Should().AllSatisfy(error => error.Should().StartWith($"invalid status code {status}"));
        errors[2..].Should().AllBe("circuit breaker is open");
        backend.Received.Should().HaveCount(2);
    }

    [Fact]
    public async Task Created_answers_close_nothing_and_open_nothing()
    {
        await using var backend = await TestBackend.StartAsync("{}", status: 201);
        var pipe = WorkflowPipe.Compile($$$$"""
            {"version": 3, "host": ["{{{{backend.Host}}}}"], "endpoints": [{"endpoint": "/e", "backend": [
              {"url_pattern": "/b", "extra_config": { {{{{Breaker}}}} }}]}]}
            """);

        (await CallTimes(pipe, 4)).Should().AllSatisfy(error => error.Should().BeNull());
        backend.Received.Should().HaveCount(4);
    }

    [Fact]
    public async Task A_backend_inside_a_workflow_inside_a_workflow_has_its_own_breaker()
    {
        await using var failing = await TestBackend.StartAsync("{}", status: 500);
        await using var healthy = await TestBackend.StartAsync("""{"ok": true}""");
        var pipe = WorkflowPipe.Compile($$$$"""
            {"version": 3, "host": ["{{{{healthy.Host}}}}"], "endpoints": [{"endpoint": "/e", "backend": [
              {"url_pattern": "/level1", "extra_config": {"workflow": {"endpoint": "/level1", "backend": [
                {"url_pattern": "/level2", "extra_config": {"workflow": {"endpoint": "/level2",
                  "extra_config": {"proxy": {"sequential": true}},
                  "backend": [
                    {"url_pattern": "/healthy", "group": "healthy"},
                    {"url_pattern": "/failing", "host": ["{{{{failing.Host}}}}"], "group": "failing", "extra_config": { {{{{Breaker}}}} }}
                  ]}}}]}}}]}]}
            """);

        var errors = await CallTimes(pipe, 5);

        errors[..2].Should().AllSatisfy(error => error.Should().Contain("invalid status code 500"));
        errors[2..].Should().AllSatisfy(error => error.Should().Contain("circuit breaker is open"));
        failing.Received.Should().HaveCount(2, "the open breaker at depth 2 keeps the failing backend from being called");
        healthy.Received.Should().HaveCount(5, "its sibling, called first, every time");
    }

    [Fact]
    public async Task A_breaker_on_a_backend_that_opens_a_workflow_counts_the_workflows_failures()
    {
        await using var backend = await TestBackend.StartAsync("{}", status: 503);
        var pipe = WorkflowPipe.Compile($$$$"""
            {"version": 3, "host": ["{{{{backend.Host}}}}"], "endpoints": [{"endpoint": "/e", "backend": [
              {"url_pattern": "/level1", "extra_config": { {{{{Breaker}}}}, "workflow": {"endpoint": "/level1", "backend": [
                {"url_pattern": "/level2", "extra_config": {"workflow": {"endpoint": "/level2",
                  "extra_config": {"proxy": {"sequential": true}},
                  "backend": [
                  {"url_pattern": "/down"}]}}}]}}}]}]}
            """);

        var errors = await CallTimes(pipe, 4);

        errors[..2].Should().AllSatisfy(error => error.Should().Contain("invalid status code 503"));
        errors[2..].Should().AllBe("circuit breaker is open");
        backend.Received.Should().HaveCount(2);
    }
}
