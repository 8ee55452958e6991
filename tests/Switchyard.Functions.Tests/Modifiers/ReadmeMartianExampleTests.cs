using System.Net;
using Microsoft.AspNetCore.Http;
using Switchyard.Functions.Tests.Hosting;
using Switchyard.Testing;

namespace Switchyard.Functions.Tests.Modifiers;

/// <summary>The README's martian example, served as written against a real backend that stands for its host.</summary>
public sealed class ReadmeMartianExampleTests
{
    private const string ExampleHost = "http://orders.internal:8080";

    [Fact]
    public async Task The_example_endpoints_do_what_the_readme_says()
    {
        await using var backend = await TestBackend.StartAsync(Answer);
        await using var gateway = await TestGateway.StartAsync(Example().Replace(ExampleHost, backend.Host, StringComparison.Ordinal));

        using var protectedResponse = await gateway.Client.GetAsync("/protected");
        using var tenantRequest = new HttpRequestMessage(HttpMethod.Get, "/tenants");
        tenantRequest.Headers.Add("X-Tenant", "v1");
        using var tenantResponse = await gateway.Client.SendAsync(tenantRequest);
        using var otherTenant = await gateway.Client.GetAsync("/tenants");
        using var raw = await gateway.Client.GetAsync("/raw");

        protectedResponse.StatusCode.Should().Be(HttpStatusCode.OK);
        tenantResponse.StatusCode.Should().Be(HttpStatusCode.OK);
        otherTenant.StatusCode.Should().Be(HttpStatusCode.OK);
        raw.StatusCode.Should().Be(HttpStatusCode.OK);
        var received = backend.Received.ToArray();
        received.Select(r => r.Target).Should().Equal("/protected", "/tenants?legacy=1", "/tenants?legacy=0", "/raw");
        received[3].Headers.Should().ContainKey("X-Request-ID");
        raw.Headers.Should().NotContain(h => h.Key == "X-Powered-By" || h.Key == "Server");
        raw.Headers.GetValues("X-Martian").Should().Equal("true");
    }

    private static string Example()
    {
        var readme = RepositoryFiles.Read("README.md");
        var section = readme.IndexOf("### Request and response modifiers (martian)\n", StringComparison.Ordinal);
        section.Should().BePositive("the README has the martian section");
        var start = readme.IndexOf("```json\n", section, StringComparison.Ordinal) + "```json\n".Length;
        return readme[start..readme.IndexOf("```", start, StringComparison.Ordinal)];
    }

    // A basic-auth backend that also names itself in its response headers.
    private static Task Answer(HttpContext context)
    {
        context.Response.Headers["X-Powered-By"] = "backend";
        context.Response.Headers.Server = "backend/1.0";
        return context.Request.Path == "/protected" && context.Request.Headers.Authorization != "Basic dXNlcjpwYTU1dzByZA=="
            ? TestBackend.Json(context, "{}", 401)
            : TestBackend.Json(context, "{}");
    }
}
