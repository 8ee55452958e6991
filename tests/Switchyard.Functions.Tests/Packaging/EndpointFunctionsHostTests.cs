using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Switchyard.Core.Configuration;
using Switchyard.Functions.Packaging;
using Switchyard.Functions.Tests.Serverless;
using Switchyard.Testing;

namespace Switchyard.Functions.Tests.Packaging;

/// <summary>
/// A package of three endpoints driven as the Functions host drives it: the host's router (<see cref="FunctionsHostRouter"/>)
/// picks a function from the package's <c>function.json</c> files, and the request is proxied to the handler with its
/// original path and query (<see cref="FunctionsHostHarness"/>), whichever function took it.
/// </summary>
public sealed class EndpointFunctionsHostTests
{
    private static string Config(string backend) => $$"""
        {"version": 3, "timeout": "3s",
         "endpoints": [
           {"endpoint": "/users/{id}", "input_query_strings": ["q"], "backend": [{"host": ["{{backend}}"], "url_pattern": "/users/{id}"}]},
           {"endpoint": "/files/*", "backend": [{"host": ["{{backend}}"], "url_pattern": "/files"}]},
           {"endpoint": "/orders", "method": "POST", "backend": [{"host": ["{{backend}}"], "url_pattern": "/orders", "method": "POST"}]}
         ]}
        """;

    [Fact]
    public void Three_endpoints_are_three_http_functions_with_their_routes_and_methods_plus_the_catch_all()
    {
        var package = Package(Config("http://backend.test"));

        package.Errors.Should().BeEmpty();
        package.Warnings.Should().BeEmpty();
        package.Functions.Should().Equal("get_files___all", "get_users__id", "post_orders", "wildcard");
        Trigger(package, "get_users__id").Should().Be(("users/{id}", "get"));
        Trigger(package, "get_files___all").Should().Be(("files/{*rest}", "get"));
        Trigger(package, "post_orders").Should().Be(("orders", "post"));
        Trigger(package, "wildcard").Should().Be(("{*path}", "get,post,put,patch,delete,head,options"));
    }

    [Fact]
    public async Task Each_request_takes_its_endpoint_function_or_the_catch_all_and_reaches_the_handler_with_its_path_and_query()
    {
        await using var backend = await TestBackend.StartAsync("""{"ok":true}""");
        var config = Config(backend.Host);
        var router = FunctionsHostRouter.Of(Package(config).Files);
        await using var host = await FunctionsHostHarness.StartInProcessAsync(config);

        (await Send(router, host, HttpMethod.Get, "/users/42?q=1&skip=2")).Should().Be(("get_users__id", HttpStatusCode.OK));
        (await Send(router, host, HttpMethod.Get, "/files/a/b.txt")).Should().Be(("get_files___all", HttpStatusCode.OK));
        (await Send(router, host, HttpMethod.Post, "/orders", """{"n":1}""")).Should().Be(("post_orders", HttpStatusCode.OK));
        backend.Received.Select(r => (r.Method, r.Target, r.Body)).Should().Equal(
            ("GET", "/users/42?q=1", ""), ("GET", "/files", ""), ("POST", "/orders", """{"n":1}"""));

        // Requests no endpoint function takes reach the same handler through the catch-all, which answers them as standalone.
        (await Send(router, host, HttpMethod.Get, "/__health")).Should().Be(("wildcard", HttpStatusCode.OK));
        (await Send(router, host, HttpMethod.Get, "/nowhere?x=1")).Should().Be(("wildcard", HttpStatusCode.NotFound));
        (await Send(router, host, HttpMethod.Get, "/orders")).Function.Should().Be("wildcard", "the orders function takes POST only");
        (await Send(router, host, HttpMethod.Get, "/")).Function.Should().Be("wildcard");
        backend.Received.Should().HaveCount(3);
    }

    private static FunctionAppPackage Package(string json)
    {
        var loaded = ConfigLoader.Parse(json);
        loaded.Errors.Should().BeEmpty();
        return FunctionAppPackage.Create(loaded.Config!, new JsonObject(), "app");
    }

    private static (string Route, string Methods) Trigger(FunctionAppPackage package, string function)
    {
        var trigger = FunctionJsonTests.Bindings(JsonNode.Parse(package.Files.Single(f => f.Path == $"{function}/function.json").Content))[0];
        return (trigger["route"]!.GetValue<string>(), string.Join(',', trigger["methods"]!.AsArray().Select(m => m!.GetValue<string>())));
    }

    /// <summary>What the host does with a request: picks the function, then proxies the request as it came.</summary>
    private static async Task<(string? Function, HttpStatusCode Status)> Send(
        FunctionsHostRouter router, FunctionsHostHarness host, HttpMethod method, string target, string? body = null)
    {
        var function = await router.FunctionForAsync(method.Method, target.Split('?')[0]);
        using var request = new HttpRequestMessage(method, target.TrimStart('/'));
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        using var response = await host.Client.SendAsync(request);
        return (function, response.StatusCode);
    }
}
