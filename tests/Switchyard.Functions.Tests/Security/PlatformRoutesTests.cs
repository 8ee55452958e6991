using System.Net;
using Switchyard.Functions.Tests.Serverless;
using Switchyard.Testing;

namespace Switchyard.Functions.Tests.Security;

/// <summary>
/// The routes the platform calls (the Functions host's invocations and readiness probe) skip <c>security/http</c> and
/// the service's bot detector, which still guard every client route.
/// </summary>
public sealed class PlatformRoutesTests
{
    [Fact]
    public async Task The_functions_host_delivers_messages_past_the_host_check_and_the_bot_detector()
    {
        await using var backend = await TestBackend.StartAsync();
        await using var host = await FunctionsHostHarness.StartInProcessAsync($$"""
            {"version": 3,
             "extra_config": {"security/http": {"allowed_hosts": ["api.example.com"]},
                              "security/bot-detector": {"patterns": ["Azure-Functions-Host"], "empty_user_agent_is_bot": true} },
             "endpoints": [{"endpoint": "/items", "backend": [{"host": ["{{backend.Host}}"], "url_pattern": "/items"}]}],
             "async_agent": [{"name": "orders", "backend": [{"host": ["{{backend.Host}}"], "url_pattern": "/orders", "method": "POST"}],
                              "extra_config": {"async/servicebus": {"queue": "orders"} } }]}
            """);

        using var invoked = await host.InvokeAsync("agent_orders", HostPayloads.ServiceBus("""{"order":1}""", "m-1", 1));
        using var probed = await host.Client.GetAsync("/");
        using var client = await host.Client.GetAsync("/items");

        invoked.StatusCode.Should().Be(HttpStatusCode.OK);
        probed.StatusCode.Should().Be(HttpStatusCode.OK);
        client.StatusCode.Should().Be(HttpStatusCode.InternalServerError, "a client's request to 127.0.0.1 is not for an allowed host");
        backend.Received.Select(request => request.Target).Should().Equal("/orders");
    }
}
