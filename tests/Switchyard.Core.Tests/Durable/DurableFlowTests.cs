using Switchyard.Core.Pipeline;
using Switchyard.Testing;

namespace Switchyard.Core.Tests.Durable;

/// <summary>
/// The same plan both ways: for the same backend answers, a durable flow answers what the in-memory pipe answers —
/// merges, sequential references, nested workflows, races, static data, policies and failures.
/// </summary>
public sealed class DurableFlowTests
{
    public static TheoryData<string, string> Plans() => new()
    {
        { "one backend", """{"endpoint": "/u/{id}", "backend": [{"url_pattern": "/users/{id}", "group": "user"}]}""" },
        {
            "parallel merge with a failing part",
            """
            {"endpoint": "/u/{id}", "backend": [
              {"url_pattern": "/users/{id}", "group": "user"},
              {"url_pattern": "/orders", "allow": ["count"]},
              {"url_pattern": "/missing"}]}
            """
        },
        {
            "sequential chain with references and static data",
            """
            {"endpoint": "/u/{id}", "extra_config": {"proxy": {"sequential": true, "static": {"strategy": "always", "data": {"v": 1}}}},
             "backend": [
              {"url_pattern": "/users/{id}", "group": "user"},
              {"url_pattern": "/accounts/{resp0_user.id}", "mapping": {"account": "acct"}}]}
            """
        },
        {
            "three levels: sequential, then parallel with a race, then sequential",
            """
            {"endpoint": "/u/{id}", "concurrent_calls": 1, "extra_config": {"proxy": {"sequential": true}},
             "backend": [
              {"url_pattern": "/users/{id}", "group": "user"},
              {"url_pattern": "/__workflow/{resp0_user.id}", "group": "level2", "extra_config": {"workflow": {
                "endpoint": "/level2/{resp0_user.id}", "concurrent_calls": 3,
                "backend": [
                  {"url_pattern": "/orders", "group": "orders"},
                  {"url_pattern": "/__workflow/{resp0_user.id}", "group": "level3", "extra_config": {"workflow": {
                    "endpoint": "/level3/{resp0_user.id}", "extra_config": {"proxy": {"sequential": true}},
                    "backend": [
                      {"url_pattern": "/accounts/{resp0_user.id}"},
                      {"url_pattern": "/ledger/{resp0_account}"}]}}}]}}}]}
            """
        },
        {
            "a request policy that denies",
            """
            {"endpoint": "/u/{id}", "extra_config": {"security/policies": {"req": {"policies": ["req_params.Id != '42'"], "error": {"status": 403, "body": "no"}}}},
             "backend": [{"url_pattern": "/users/{id}"}]}
            """
        },
        {
            "a workflow that fails its parent",
            """
            {"endpoint": "/u/{id}", "backend": [
              {"url_pattern": "/users/{id}", "group": "user"},
              {"url_pattern": "/__workflow", "group": "w", "extra_config": {"workflow": {
                "endpoint": "/w", "backend": [{"url_pattern": "/orders"}, {"url_pattern": "/missing"}]}}}]}
            """
        },
    };

    [Theory]
    [MemberData(nameof(Plans))]
    public async Task A_durable_flow_answers_what_the_in_memory_pipe_answers(string plan, string endpoint)
    {
        await using var backend = await Backends();
        await using var harness = await DurableHarness.StartAsync(Config(backend, endpoint));
        var request = new ProxyRequest { Method = "GET", Path = "/u/42", Params = new Dictionary<string, string> { ["Id"] = "42" } };

        var inMemory = await harness.InMemoryAsync(request);
        var durable = await harness.DurableAsync(request);

        durable.RuntimeStatus.Should().Be("Completed", plan);
        DurableHarness.Rendered(durable.Response!).Should().Be(DurableHarness.Rendered(inMemory), plan);
    }

    internal static Task<TestBackend> Backends() => TestBackend.StartAsync(context => context.Request.Path.Value switch
    {
        "/users/42" => TestBackend.Json(context, """{"id":7,"name":"ana","score":1.50}"""),
        "/orders" => TestBackend.Json(context, """{"count":3,"last":"x"}"""),
        "/accounts/7" => TestBackend.Json(context, """{"account":"acc-9"}"""),
        "/ledger/acc-9" => TestBackend.Json(context, """{"balance":10.50}"""),
        _ => TestBackend.Json(context, "{}", 404),
    });

    internal static string Config(TestBackend backend, string endpoint)
    {
        // The endpoint opts in to durability (its own extra_config comes before its backends, if it has one); the engine's
        // connection is never used by the in-memory service.
        const string Extra = "\"extra_config\": {";
        var own = endpoint.IndexOf(Extra, StringComparison.Ordinal);
        var durable = own >= 0 && own < endpoint.IndexOf("\"backend\"", StringComparison.Ordinal)
            ? endpoint.Insert(own + Extra.Length, "\"switchyard/durable\": {}, ")
            : endpoint.Insert(endpoint.IndexOf('{') + 1, "\"extra_config\": {\"switchyard/durable\": {}}, ");
        return $$$"""
            {"version": 3, "host": ["{{{backend.Host}}}"],
             "extra_config": {"switchyard/durable": {"connection": "UseDevelopmentStorage=true"} },
             "endpoints": [{{{durable}}}]}
            """;
    }
}
