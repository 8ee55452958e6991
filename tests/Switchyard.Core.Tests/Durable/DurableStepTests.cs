using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Switchyard.Core.Pipeline;
using Switchyard.Testing;

namespace Switchyard.Core.Tests.Durable;

/// <summary>Steps that survive failure: durable retries, the saga's compensations, and the idempotency key of each call.</summary>
public sealed class DurableStepTests
{
    private static readonly ProxyRequest Request = new() { Method = "POST", Path = "/signup", Body = """{"user":"ana"}"""u8.ToArray() };

    [Fact]
    public async Task A_step_is_retried_on_its_statuses_with_one_idempotency_key_until_it_succeeds()
    {
        var calls = 0;
        await using var backend = await TestBackend.StartAsync(context =>
            Interlocked.Increment(ref calls) < 3 ? TestBackend.Json(context, "{}", 503) : TestBackend.Json(context, """{"ok":true}"""));
        await using var harness = await DurableHarness.StartAsync(DurableFlowTests.Config(backend, """
            {"endpoint": "/signup", "method": "POST", "backend": [{"url_pattern": "/register",
              "extra_config": {"switchyard/durable": {"retry": {"max_attempts": 4, "first_delay": "10ms", "statuses": [503]}}}}]}
            """));

        var state = await harness.DurableAsync(Request, "signup-1");

        state.Response!.Data!.ToJsonString().Should().Be("""{"ok":true}""");
        var keys = backend.Received.Select(r => r.Headers["Idempotency-Key"].ToString()).ToList();
        keys.Should().HaveCount(3).And.AllBe("signup-1:0");
        Record(state)["steps"]![0]!["attempts"]!.GetValue<int>().Should().Be(3);
        Record(state)["outcome"]!.GetValue<string>().Should().Be("completed");
    }

    [Fact]
    public async Task A_status_not_listed_fails_the_step_at_once()
    {
        await using var backend = await TestBackend.StartAsync("{}", 400);
        await using var harness = await DurableHarness.StartAsync(DurableFlowTests.Config(backend, """
            {"endpoint": "/signup", "method": "POST", "backend": [{"url_pattern": "/register",
              "extra_config": {"switchyard/durable": {"retry": {"max_attempts": 5, "first_delay": "10ms"}}}}]}
            """));

        var state = await harness.DurableAsync(Request);

        backend.Received.Should().ContainSingle();
        state.Response!.Error!.Message.Should().StartWith("invalid status code 400");
        Record(state)["outcome"]!.GetValue<string>().Should().Be("failed");
    }

    [Fact]
    public async Task When_step_three_fails_for_good_steps_two_and_one_are_compensated_in_that_order()
    {
        var order = new ConcurrentQueue<string>();
        await using var backend = await TestBackend.StartAsync(context =>
        {
            order.Enqueue(context.Request.Path.Value!);
            return context.Request.Path.Value == "/email" ? TestBackend.Json(context, "{}", 500) : TestBackend.Json(context, """{"done":true}""");
        });
        await using var harness = await DurableHarness.StartAsync(DurableFlowTests.Config(backend, """
            {"endpoint": "/signup", "method": "POST", "extra_config": {"proxy": {"sequential": true}}, "backend": [
              {"url_pattern": "/register", "group": "user",
               "extra_config": {"switchyard/durable": {"compensate": {"url_pattern": "/unregister", "method": "DELETE"}}}},
              {"url_pattern": "/charge", "group": "payment",
               "extra_config": {"switchyard/durable": {"compensate": {"url_pattern": "/refund"}}}},
              {"url_pattern": "/email", "extra_config": {"switchyard/durable": {"retry": {"max_attempts": 2, "first_delay": "10ms"}}}}]}
            """));

        var state = await harness.DurableAsync(Request, "signup-2");

        order.Should().Equal("/register", "/charge", "/email", "/email", "/refund", "/unregister");
        var record = Record(state);
        record["outcome"]!.GetValue<string>().Should().Be("failed");
        record["failed_step"]!.GetValue<string>().Should().Be("2");
        record["compensated"]!.AsArray().Select(s => s!.GetValue<string>()).Should().Equal("1", "0");
        backend.Received.Single(r => r.Target == "/refund").Headers["Idempotency-Key"].ToString().Should().Be("signup-2:1:compensate");
        backend.Received.Single(r => r.Target == "/unregister").Method.Should().Be("DELETE");
    }

    [Fact]
    public async Task A_compensation_that_fails_is_recorded_and_stops_the_undoing()
    {
        await using var backend = await TestBackend.StartAsync(context => context.Request.Path.Value switch
        {
            "/email" or "/refund" => TestBackend.Json(context, "{}", 400),
            _ => TestBackend.Json(context, """{"done":true}"""),
        });
        await using var harness = await DurableHarness.StartAsync(DurableFlowTests.Config(backend, """
            {"endpoint": "/signup", "method": "POST", "extra_config": {"proxy": {"sequential": true}}, "backend": [
              {"url_pattern": "/register", "group": "user", "extra_config": {"switchyard/durable": {"compensate": {"url_pattern": "/unregister"}}}},
              {"url_pattern": "/charge", "group": "payment", "extra_config": {"switchyard/durable": {"compensate": {"url_pattern": "/refund"}}}},
              {"url_pattern": "/email"}]}
            """));

        var state = await harness.DurableAsync(Request);

        var record = Record(state);
        record["outcome"]!.GetValue<string>().Should().Be("compensation_failed");
        record["compensation_failed"]!.GetValue<string>().Should().Be("1");
        backend.Received.Should().NotContain(r => r.Target == "/unregister");
    }

    [Fact]
    public async Task The_same_instance_id_never_starts_a_second_flow()
    {
        await using var backend = await TestBackend.StartAsync("""{"ok":true}""");
        await using var harness = await DurableHarness.StartAsync(DurableFlowTests.Config(backend, """
            {"endpoint": "/signup", "method": "POST", "backend": [{"url_pattern": "/register"}]}
            """));
        await harness.DurableAsync(Request, "once");

        var again = await harness.Engine.StartFlowAsync(harness.Endpoint.JsonPath, MergeFailurePolicy.Partial, Request, "once");

        again.IsNew.Should().BeFalse();
        backend.Received.Should().ContainSingle();
    }

    private static JsonObject Record(Switchyard.Core.Durable.FlowState state) => JsonNode.Parse(state.Record)!.AsObject();
}
