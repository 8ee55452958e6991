using Switchyard.Core.Pipeline;
using Switchyard.Core.Tests.Workflows;
using Switchyard.Testing;

namespace Switchyard.Core.Tests.Pipeline;

/// <summary>
/// Shadow backends sit inside the endpoint's request checks, as KrakenD's sit inside its merger: a request the policies
/// or the JSON schema refuse reaches no shadow, an accepted one reaches it.
/// </summary>
public sealed class ShadowBackendTests
{
    [Theory]
    [InlineData("allow", """{"n": 1}""", "accepted", 1)]
    [InlineData("allow", """{"n": "one"}""", "refused by the schema", 0)]
    [InlineData("deny", """{"n": 1}""", "refused by the policy", 0)]
    public async Task A_request_the_endpoint_refuses_reaches_no_shadow_backend(string mode, string body, string reason, int shadowCalls)
    {
        await using var main = await TestBackend.StartAsync("""{"main":true}""");
        await using var shadow = await TestBackend.StartAsync("""{"shadow":true}""");
        var pipe = WorkflowPipe.Compile("""
            {"version": 3, "endpoints": [{"endpoint": "/e/{mode}", "method": "POST",
              "extra_config": {
                "validation/json-schema": {"type": "object", "properties": {"n": {"type": "number"}}},
                "security/policies": {"req": {"policies": ["req_params.Mode != 'deny'"], "error": {"status": 403}}}},
              "backend": [
                {"host": ["MAIN"], "url_pattern": "/main"},
                {"host": ["SHADOW"], "url_pattern": "/shadow", "extra_config": {"proxy": {"shadow": true}}}]}]}
            """.Replace("MAIN", main.Host, StringComparison.Ordinal).Replace("SHADOW", shadow.Host, StringComparison.Ordinal));

        var response = await pipe(WorkflowPipe.Request(("Mode", mode)) with { Method = "POST", Body = System.Text.Encoding.UTF8.GetBytes(body) }, default);
        await Task.Delay(TimeSpan.FromMilliseconds(300));

        (response.Error is null).Should().Be(shadowCalls == 1, reason);
        shadow.Received.Should().HaveCount(shadowCalls, reason);
    }
}
