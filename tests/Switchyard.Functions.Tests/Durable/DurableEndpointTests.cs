using System.Net;
using System.Text.Json.Nodes;
using Switchyard.Functions.Tests.Hosting;
using Switchyard.Testing;

namespace Switchyard.Functions.Tests.Durable;

/// <summary>Durable endpoints on a real Azurite: the in-memory answer, the 202 path with its status URL, idempotency keys.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class DurableEndpointTests(AzuriteServer azurite)
{
    [Fact]
    public async Task A_durable_endpoint_answers_what_its_in_memory_twin_answers()
    {
        await using var backend = await TestBackend.StartAsync(context => context.Request.Path.Value switch
        {
            "/users/7" => TestBackend.Json(context, """{"id":7,"name":"ana","score":1.50}"""),
            "/orders" => TestBackend.Json(context, """{"count":3}"""),
            _ => TestBackend.Json(context, "{}", 404),
        });
        string Endpoint(string path, string durable) => $$"""
            {"endpoint": "{{path}}/{id}", "timeout": "5s", "extra_config": {{{durable}}"proxy": {"sequential": true} },
             "backend": [{"host": ["{{backend.Host}}"], "url_pattern": "/users/{id}", "group": "user"},
                         {"host": ["{{backend.Host}}"], "url_pattern": "/orders", "allow": ["count"]},
                         {"host": ["{{backend.Host}}"], "url_pattern": "/missing"}]}
            """;
        await using var gateway = await TestGateway.StartAsync(DurableConfig.With(
            azurite, Endpoint("/memory", "") + "," + Endpoint("/durable", "\"switchyard/durable\": {}, "), DurableConfig.NewTaskHub()));

        var memory = await gateway.GetAnswerAsync("/memory/7");
        var durable = await gateway.GetAnswerAsync("/durable/7");

        durable.Status.Should().Be(memory.Status);
        durable.Completed.Should().Be(memory.Completed).And.Be("false");
        durable.ContentType.Should().Be(memory.ContentType);
        durable.Body.Should().Be(memory.Body);
    }

    [Fact]
    public async Task A_durable_workflow_in_an_in_memory_endpoint_runs_as_a_flow_of_its_own()
    {
        var keys = new System.Collections.Concurrent.ConcurrentDictionary<string, string>();
        await using var backend = await TestBackend.StartAsync(context =>
        {
            keys[context.Request.Path.Value!] = context.Request.Headers["Idempotency-Key"].ToString();
            return TestBackend.Json(context, context.Request.Path.Value == "/users/7" ? """{"id":7}""" : """{"count":3}""");
        });
        string Endpoint(string path, string durable) => $$"""
            {"endpoint": "{{path}}/{id}", "timeout": "5s",
             "backend": [{"host": ["{{backend.Host}}"], "url_pattern": "/users/{id}", "group": "user"},
                         {"host": ["{{backend.Host}}"], "url_pattern": "/__workflow", "group": "w", "extra_config": {"workflow": {
                           "endpoint": "/w", {{durable}} "backend": [{"host": ["{{backend.Host}}"], "url_pattern": "/orders"}]} } }]}
            """;
        await using var gateway = await TestGateway.StartAsync(DurableConfig.With(
            azurite, Endpoint("/memory", "") + "," + Endpoint("/mixed", "\"extra_config\": {\"switchyard/durable\": {}},"), DurableConfig.NewTaskHub()));

        var memory = await gateway.GetAnswerAsync("/memory/7");
        keys.Clear();
        var mixed = await gateway.GetAnswerAsync("/mixed/7");

        mixed.Status.Should().Be(memory.Status).And.Be(HttpStatusCode.OK);
        mixed.Body.Should().Be(memory.Body).And.Be("""{"user":{"id":7},"w":{"count":3}}""");
        keys["/users/7"].Should().BeEmpty("the endpoint itself runs in memory");
        keys["/orders"].Should().MatchRegex("^[0-9a-f]{32}:0$", "the workflow's call is a step of its own flow");
    }

    [Fact]
    public async Task A_flow_longer_than_the_endpoint_timeout_answers_202_and_its_status_url_needs_its_token()
    {
        await using var backend = await TestBackend.StartAsync(async context =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(700));
            await TestBackend.Json(context, context.Request.Path.Value == "/first" ? """{"a":1}""" : """{"b":2}""");
        });
        await using var gateway = await TestGateway.StartAsync(DurableConfig.With(azurite, $$"""
            {"endpoint": "/slow", "timeout": "1s", "extra_config": {"switchyard/durable": {}, "proxy": {"sequential": true} },
             "backend": [{"host": ["{{backend.Host}}"], "url_pattern": "/first"}, {"host": ["{{backend.Host}}"], "url_pattern": "/second"}]}
            """, DurableConfig.NewTaskHub()));

        using var accepted = await gateway.Client.GetAsync("/slow");

        accepted.StatusCode.Should().Be(HttpStatusCode.Accepted, await accepted.Content.ReadAsStringAsync());
        accepted.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(1));
        var location = accepted.Headers.Location!.OriginalString;
        location.Should().MatchRegex("^/__workflows/[0-9a-f]{32}\\?token=[0-9a-f]{32}$");
        var withoutToken = location[..location.IndexOf('?', StringComparison.Ordinal)];

        (await gateway.Client.GetAsync(withoutToken)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await gateway.Client.GetAsync(withoutToken + "?token=" + new string('0', 32))).StatusCode.Should().Be(HttpStatusCode.Unauthorized);

        var status = await PollAsync(gateway, location, state => state["runtime_status"]!.GetValue<string>() == "Completed");
        status["output"]!["data"]!.ToJsonString().Should().Be("""{"a":1,"b":2}""");
        status["output"]!["complete"]!.GetValue<bool>().Should().BeTrue();
        status["record"]!["outcome"]!.GetValue<string>().Should().Be("completed");
        status["record"]!["steps"]!.AsArray().Should().HaveCount(2);
    }

    [Fact]
    public async Task A_repeated_idempotency_key_starts_nothing_new_and_answers_the_first_flows_result()
    {
        var calls = 0;
        await using var backend = await TestBackend.StartAsync(context =>
            TestBackend.Json(context, $$"""{"call":{{Interlocked.Increment(ref calls)}}}"""));
        await using var gateway = await TestGateway.StartAsync(DurableConfig.With(azurite, $$"""
            {"endpoint": "/signup", "method": "POST", "timeout": "5s", "extra_config": {"switchyard/durable": {} },
             "backend": [{"host": ["{{backend.Host}}"], "url_pattern": "/register"}]}
            """, DurableConfig.NewTaskHub()));

        var first = await PostAsync(gateway, "signup-ana-1");
        var second = await PostAsync(gateway, "signup-ana-1");
        var other = await PostAsync(gateway, "signup-bob-1");

        first.Should().Be("""{"call":1}""");
        second.Should().Be(first);
        other.Should().Be("""{"call":2}""");
        backend.Received.Select(r => r.Headers["Idempotency-Key"].ToString()).Should().Equal("signup-ana-1:0", "signup-bob-1:0");
    }

    [Fact]
    public async Task A_three_level_workflow_with_a_race_answers_what_its_in_memory_twin_answers()
    {
        await using var backend = await TestBackend.StartAsync(context => context.Request.Path.Value switch
        {
            "/users/7" => TestBackend.Json(context, """{"id":7}"""),
            "/orders" => TestBackend.Json(context, """{"count":3}"""),
            "/accounts/7" => TestBackend.Json(context, """{"account":"acc-9"}"""),
            "/ledger/acc-9" => TestBackend.Json(context, """{"balance":10.50}"""),
            _ => TestBackend.Json(context, "{}", 404),
        });
        string Endpoint(string path, string durable) => $$"""
            {"endpoint": "{{path}}/{id}", "timeout": "5s", "extra_config": {{{durable}}"proxy": {"sequential": true} },
             "backend": [
              {"host": ["{{backend.Host}}"], "url_pattern": "/users/{id}", "group": "user"},
              {"host": ["{{backend.Host}}"], "url_pattern": "/__workflow/{resp0_user.id}", "group": "level2", "extra_config": {"workflow": {
                "endpoint": "/level2/{resp0_user.id}", "concurrent_calls": 3,
                "backend": [
                  {"url_pattern": "/orders", "group": "orders"},
                  {"url_pattern": "/__workflow/{resp0_user.id}", "group": "level3", "extra_config": {"workflow": {
                    "endpoint": "/level3/{resp0_user.id}", "extra_config": {"proxy": {"sequential": true} },
                    "backend": [{"url_pattern": "/accounts/{resp0_user.id}"}, {"url_pattern": "/ledger/{resp0_account}"}]} } }]} } }]}
            """;
        await using var gateway = await TestGateway.StartAsync(DurableConfig.With(
            azurite, Endpoint("/memory", "") + "," + Endpoint("/durable", "\"switchyard/durable\": {}, "), DurableConfig.NewTaskHub()));

        var memory = await gateway.GetAnswerAsync("/memory/7");
        var durable = await gateway.GetAnswerAsync("/durable/7");

        durable.Status.Should().Be(HttpStatusCode.OK);
        durable.Completed.Should().Be(memory.Completed).And.Be("true");
        durable.Body.Should().Be(memory.Body).And.Contain("\"balance\":10.50");
    }

    [Fact]
    public async Task When_step_three_fails_for_good_steps_two_and_one_are_compensated_and_the_status_shows_it()
    {
        var order = new System.Collections.Concurrent.ConcurrentQueue<string>();
        await using var backend = await TestBackend.StartAsync(context =>
        {
            order.Enqueue(context.Request.Method + " " + context.Request.Path.Value);
            return context.Request.Path.Value == "/email" ? TestBackend.Json(context, "{}", 503) : TestBackend.Json(context, """{"done":true}""");
        });
        await using var gateway = await TestGateway.StartAsync(DurableConfig.With(azurite, $$"""
            {"endpoint": "/signup", "method": "POST", "timeout": "5s", "extra_config": {"switchyard/durable": {}, "proxy": {"sequential": true} },
             "backend": [
              {"host": ["{{backend.Host}}"], "url_pattern": "/register", "group": "user",
               "extra_config": {"switchyard/durable": {"compensate": {"url_pattern": "/register", "method": "DELETE"} } } },
              {"host": ["{{backend.Host}}"], "url_pattern": "/charge", "group": "payment",
               "extra_config": {"switchyard/durable": {"compensate": {"url_pattern": "/refund"} } } },
              {"host": ["{{backend.Host}}"], "url_pattern": "/email",
               "extra_config": {"switchyard/durable": {"retry": {"max_attempts": 2, "first_delay": "100ms"} } } }]}
            """, DurableConfig.NewTaskHub(), adminSecret: "s"));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/signup") { Content = new StringContent("{}") };
        request.Headers.Add("Idempotency-Key", "saga-1");

        var answer = await GatewayAnswer.ReadAsync(await gateway.Client.SendAsync(request));

        answer.Completed.Should().Be("false");
        order.Should().Equal("POST /register", "POST /charge", "POST /email", "POST /email", "POST /refund", "DELETE /register");
        using var statusRequest = new HttpRequestMessage(HttpMethod.Get, "/__workflows/saga-1");
        statusRequest.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "s");
        var status = JsonNode.Parse(await (await gateway.Client.SendAsync(statusRequest)).Content.ReadAsStringAsync())!;
        status["record"]!["outcome"]!.GetValue<string>().Should().Be("failed");
        status["record"]!["failed_step"]!.GetValue<string>().Should().Be("2");
        status["record"]!["compensated"]!.AsArray().Select(s => s!.GetValue<string>()).Should().Equal("1", "0");
    }

    [Fact]
    public async Task An_idempotency_key_the_storage_cannot_hold_is_the_clients_mistake()
    {
        await using var gateway = await TestGateway.StartAsync(DurableConfig.With(azurite, """
            {"endpoint": "/signup", "method": "POST", "extra_config": {"switchyard/durable": {} },
             "backend": [{"host": ["http://127.0.0.1:19"], "url_pattern": "/register"}]}
            """, DurableConfig.NewTaskHub()));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/signup");
        request.Headers.Add("Idempotency-Key", "a/b#c");

        var answer = await GatewayAnswer.ReadAsync(await gateway.Client.SendAsync(request));

        answer.Status.Should().Be(HttpStatusCode.BadRequest);
        answer.Body.Should().StartWith("an Idempotency-Key must be");
    }

    private static async Task<string> PostAsync(TestGateway gateway, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/signup") { Content = new StringContent("{}") };
        request.Headers.Add("Idempotency-Key", key);
        using var response = await gateway.Client.SendAsync(request);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return await response.Content.ReadAsStringAsync();
    }

    internal static async Task<JsonObject> PollAsync(TestGateway gateway, string location, Func<JsonObject, bool> until)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            using var response = await gateway.Client.GetAsync(location);
            response.StatusCode.Should().Be(HttpStatusCode.OK);
            var state = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
            if (until(state) || DateTime.UtcNow > deadline)
            {
                return state;
            }

            await Task.Delay(100);
        }
    }
}
