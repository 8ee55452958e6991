using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Switchyard.Functions.Tests.BuiltIn;
using Switchyard.Testing;
using static Switchyard.Functions.Tests.Serverless.ServerlessConfig;

namespace Switchyard.Functions.Tests.Serverless;

/// <summary>The gateway in Functions mode, driven by the host harness as the Functions host would drive it.</summary>
public sealed class InvocationEndpointTests
{
    private static async Task<JsonNode> JsonOf(HttpResponseMessage response) => JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

    private static ReceivedRequest Only(TestBackend backend, string target) => backend.Received.Where(r => r.Target == target).Should().ContainSingle().Subject;

    [Fact]
    public async Task The_readiness_probe_answers_200_ok()
    {
        await using var backend = await TestBackend.StartAsync();
        await using var host = await FunctionsHostHarness.StartInProcessAsync(For(backend.Host));

        using var response = await host.Client.GetAsync("/");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be("ok");
    }

    [Fact]
    public async Task An_endpoint_at_the_root_keeps_it_and_answers_the_probe()
    {
        await using var backend = await TestBackend.StartAsync("""{"root":true}""");
        await using var host = await FunctionsHostHarness.StartInProcessAsync(
            For(backend.Host, endpoints: $$""", {"endpoint": "/", "backend": [{"host": ["{{backend.Host}}"], "url_pattern": "/root"}]}"""));

        using var response = await host.Client.GetAsync("/");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be("""{"root":true}""");
        backend.Received.Should().OnlyContain(r => r.Target == "/root", "the harness's probes and this request all went to the endpoint");
    }

    [Fact]
    public async Task A_service_bus_invocation_runs_the_pipe_and_answers_the_host_contract()
    {
        await using var backend = await TestBackend.StartAsync();
        await using var host = await FunctionsHostHarness.StartInProcessAsync(For(backend.Host));

        using var response = await host.InvokeAsync(OrdersFunction, HostPayloads.ServiceBus("""{"order":42}""", "m-1", 1, """{"tenant":"acme"}"""));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        var answer = await JsonOf(response);
        answer["Outputs"]!.AsObject().Should().BeEmpty();
        answer["ReturnValue"].Should().BeNull();
        answer.AsObject().ContainsKey("ReturnValue").Should().BeTrue();
        answer["Logs"]!.AsArray().Select(line => line!.GetValue<string>()).Should().Equal("[AGENT: orders] message 'm-1' processed (delivery 1)");
        var received = Only(backend, "/orders");
        received.Method.Should().Be("POST");
        received.Body.Should().Be("""{"order":42}""");
        received.Headers["X-Message-Id"].ToString().Should().Be("m-1");
        received.Headers["X-Message-Routing-Key"].ToString().Should().Be("orders.created");
        received.Headers["X-Message-Header-tenant"].ToString().Should().Be("acme");
        received.Headers.ContentType.ToString().Should().Be("application/json");
    }

    [Fact]
    public async Task A_storage_queue_invocation_with_a_double_encoded_body_reaches_the_backend_unwrapped()
    {
        await using var backend = await TestBackend.StartAsync();
        await using var host = await FunctionsHostHarness.StartInProcessAsync(For(backend.Host));

        using var response = await host.InvokeAsync(JobsFunction, HostPayloads.StorageQueue("""{"job":"resize"}""", "q-1", 1));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var received = Only(backend, "/jobs");
        received.Body.Should().Be("""{"job":"resize"}""");
        received.Headers["X-Message-Id"].ToString().Should().Be("q-1");
    }

    [Fact]
    public async Task A_rabbitmq_invocation_carries_its_base64_headers_as_text()
    {
        await using var backend = await TestBackend.StartAsync();
        await using var host = await FunctionsHostHarness.StartInProcessAsync(For(backend.Host));

        using var response = await host.InvokeAsync(
            EventsFunction, HostPayloads.RabbitMq("signup", "users.created", new Dictionary<string, string> { ["tenant"] = "acme" }));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var received = Only(backend, "/events");
        received.Body.Should().Be("signup");
        received.Headers["X-Message-Routing-Key"].ToString().Should().Be("users.created");
        received.Headers["X-Message-Header-tenant"].ToString().Should().Be("acme");
        received.Headers.ContentType.ToString().Should().Be("text/plain");
    }

    [Fact]
    public async Task A_failing_backend_fails_the_invocation_and_the_redelivery_succeeds_once_it_recovers()
    {
        var failures = 2;
        await using var backend = await TestBackend.StartAsync(context =>
            Interlocked.Decrement(ref failures) >= 0 ? TestBackend.Json(context, """{"error":"down"}""", 503) : TestBackend.Json(context, "{}"));
        await using var host = await FunctionsHostHarness.StartInProcessAsync(For(backend.Host));

        var delivery = await host.DeliverAsync(OrdersFunction, count => HostPayloads.ServiceBus("""{"order":7}""", "m-7", count), maxDeliveryCount: 10);

        delivery.Statuses.Should().Equal(HttpStatusCode.InternalServerError, HttpStatusCode.InternalServerError, HttpStatusCode.OK);
        delivery.DeadLettered.Should().BeFalse();
        backend.Received.Where(r => r.Target == "/orders").Select(r => r.Body).Should().Equal(Enumerable.Repeat("""{"order":7}""", 3));
    }

    [Fact]
    public async Task A_failed_invocation_answers_a_non_2xx_with_the_reason_in_its_logs()
    {
        await using var backend = await TestBackend.StartAsync("""{"error":"down"}""", status: 503);
        await using var host = await FunctionsHostHarness.StartInProcessAsync(For(backend.Host));

        using var response = await host.InvokeAsync(JobsFunction, HostPayloads.StorageQueue("x", "q-2", 1));

        response.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        var logs = (await JsonOf(response))["Logs"]!.AsArray().Select(line => line!.GetValue<string>()).ToList();
        logs.Should().Contain(line => line.StartsWith("[AGENT: jobs] message 'q-2' failed (delivery 1): ", StringComparison.Ordinal));
        logs[^1].Should().Be("[AGENT: jobs] message 'q-2' not processed (delivery 1): the host delivers it again");
    }

    [Fact]
    public async Task Past_max_deliveries_a_failure_is_still_a_non_2xx_so_the_host_dead_letters_it()
    {
        await using var backend = await TestBackend.StartAsync("""{"error":"down"}""", status: 503);
        await using var host = await FunctionsHostHarness.StartInProcessAsync(For(backend.Host, consumer: """, "max_deliveries": 2"""));

        var delivery = await host.DeliverAsync(OrdersFunction, count => HostPayloads.ServiceBus("{}", "m-9", count), maxDeliveryCount: 3);
        using var last = await host.InvokeAsync(OrdersFunction, HostPayloads.ServiceBus("{}", "m-9", 3));

        delivery.Statuses.Should().Equal(HttpStatusCode.InternalServerError, HttpStatusCode.InternalServerError, HttpStatusCode.InternalServerError);
        delivery.DeadLettered.Should().BeTrue();
        ((await JsonOf(last))["Logs"]!.AsArray().Last()!.GetValue<string>()).Should().StartWith("[AGENT: orders] message 'm-9' failed at delivery 3 (max_deliveries 2): ");
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("""{"Data":{}}""")]
    [InlineData("[]")]
    public async Task A_payload_that_is_not_an_invocation_is_a_400_logged_and_never_reaches_the_backend(string payload)
    {
        var logs = new CapturedLogs();
        await using var backend = await TestBackend.StartAsync();
        await using var host = await FunctionsHostHarness.StartInProcessAsync(For(backend.Host), logs);

        using var response = await host.InvokeAsync(OrdersFunction, payload);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        backend.Received.Should().BeEmpty();
        logs.Entries.Should().Contain(entry => entry.Level == LogLevel.Warning && entry.Message.StartsWith("[AGENT: orders] invocation refused (400): the invocation payload", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Http_requests_forwarded_with_their_original_path_reach_the_endpoints()
    {
        await using var backend = await TestBackend.StartAsync("""{"items":[1,2]}""");
        await using var host = await FunctionsHostHarness.StartInProcessAsync(For(backend.Host));

        using var response = await host.Client.GetAsync("/items?page=2");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be("""{"items":[1,2]}""");
        Only(backend, "/items");
    }

    [Fact]
    public async Task Invoked_agents_show_as_connected_in_the_health_endpoint_with_their_counters()
    {
        await using var backend = await TestBackend.StartAsync();
        await using var host = await FunctionsHostHarness.StartInProcessAsync(For(backend.Host));

        (await host.InvokeAsync(OrdersFunction, HostPayloads.ServiceBus("{}", "m-3", 1))).StatusCode.Should().Be(HttpStatusCode.OK);
        var health = JsonNode.Parse(await host.Client.GetStringAsync("/__health"))!;

        health["agent_status"]!["orders"]!["connected"]!.GetValue<bool>().Should().BeTrue();
        health["agent_status"]!["orders"]!["processed"]!.GetValue<long>().Should().Be(1);
        health["agent_status"]!["events"]!["connected"]!.GetValue<bool>().Should().BeTrue("under the host, the RabbitMQ agent is fed by its trigger, not its broker");
    }

    [Fact]
    public async Task Only_agents_fed_by_a_trigger_get_a_function_path()
    {
        await using var backend = await TestBackend.StartAsync();
        await using var host = await FunctionsHostHarness.StartInProcessAsync($$"""
            {"version": 3, "endpoints": [],
             "async_agent": [{"name": "local", "consumer": {"topic": "#"}, "backend": [{"host": ["{{backend.Host}}"], "url_pattern": "/l"}],
                              "extra_config": {"async/memory": {} } }]}
            """);

        using var response = await host.InvokeAsync("agent_local", HostPayloads.StorageQueue("x", "q", 1));

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_oversized_message_fails_without_reaching_the_backend()
    {
        await using var backend = await TestBackend.StartAsync();
        await using var host = await FunctionsHostHarness.StartInProcessAsync(For(backend.Host));
        var body = Convert.ToBase64String(new byte[Core.Agents.AgentRunner.MaxMessageBytes + 1]);

        using var response = await host.InvokeAsync(OrdersFunction, """{"Data":{"message":"BODY"},"Metadata":{"MessageId":"\"big\""}}""".Replace("BODY", body, StringComparison.Ordinal));

        response.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        ((await JsonOf(response))["Logs"]!.AsArray().Last()!.GetValue<string>()).Should().Contain("oversized message");
        backend.Received.Should().BeEmpty();
    }

    [Fact]
    public async Task A_payload_over_the_limit_is_refused_unread()
    {
        await using var backend = await TestBackend.StartAsync();
        await using var host = await FunctionsHostHarness.StartInProcessAsync(For(backend.Host));

        using var response = await host.InvokeAsync(OrdersFunction, new string(' ', Functions.Serverless.InvocationEndpoint.MaxPayloadBytes + 1));

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        backend.Received.Should().BeEmpty();
    }
}
