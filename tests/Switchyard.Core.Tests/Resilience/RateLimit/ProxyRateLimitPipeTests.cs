using Switchyard.Core.Tests.Workflows;
using Switchyard.Testing;

namespace Switchyard.Core.Tests.Resilience.RateLimit;

/// <summary><c>qos/ratelimit/proxy</c> where the factory puts it, in front of a real loopback backend.</summary>
public sealed class ProxyRateLimitPipeTests
{
    [Fact]
    public async Task A_limit_on_a_backend_that_opens_a_workflow_bounds_the_workflows_runs()
    {
        await using var backend = await TestBackend.StartAsync("""{"ok":true}""");
        var pipe = WorkflowPipe.Compile($$$$"""
            {"version": 3, "host": ["{{{{backend.Host}}}}"], "endpoints": [{"endpoint": "/e", "backend": [
              {"url_pattern": "/level1", "extra_config": {
                "qos/ratelimit/proxy": {"max_rate": 1, "capacity": 1, "every": "1h"},
                "workflow": {"endpoint": "/level1", "backend": [{"url_pattern": "/inside"}]}}}]}]}
            """);

        var first = await pipe(WorkflowPipe.Request(), default);
        var second = await pipe(WorkflowPipe.Request(), default);

        first.Error.Should().BeNull();
        second.Error!.Message.Should().Be("rate limit exceded");
        backend.Received.Should().ContainSingle("the refused run starts no step");
    }
}
