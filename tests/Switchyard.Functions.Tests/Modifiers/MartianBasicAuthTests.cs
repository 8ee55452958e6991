using System.Net;
using Microsoft.AspNetCore.Http;
using Switchyard.Functions.Tests.Hosting;
using Switchyard.Testing;

namespace Switchyard.Functions.Tests.Modifiers;

/// <summary>KrakenD's documented use of martian: the gateway gives a basic-auth backend its fixed credentials.</summary>
public sealed class MartianBasicAuthTests
{
    // echo -n "user:pa55w0rd" | base64, as KrakenD's documentation computes it.
    private const string Credentials = "Basic dXNlcjpwYTU1dzByZA==";

    [Fact]
    public async Task Without_the_modifier_the_backend_refuses_and_the_endpoint_fails()
    {
        await using var backend = await TestBackend.StartAsync(RequireBasicAuth);
        await using var gateway = await TestGateway.StartAsync(Config(backend, extraConfig: ""));

        using var response = await gateway.Client.GetAsync("/protected");

        response.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        backend.Received.Should().ContainSingle().Which.Headers.Should().NotContainKey("Authorization");
    }

    [Fact]
    public async Task With_krakends_header_Modifier_example_the_endpoint_answers_200()
    {
        await using var backend = await TestBackend.StartAsync(RequireBasicAuth);
        await using var gateway = await TestGateway.StartAsync(Config(backend, $$$"""
            , "extra_config": {
                "modifier/martian": {
                  "header.Modifier": {"scope": ["request"], "name": "Authorization", "value": "{{{Credentials}}}"}
                }
              }
            """));

        using var response = await gateway.Client.GetAsync("/protected");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be("""{"secret":"data"}""");
    }

    [Fact]
    public async Task The_client_cannot_replace_the_credentials_the_modifier_sets()
    {
        await using var backend = await TestBackend.StartAsync(RequireBasicAuth);
        await using var gateway = await TestGateway.StartAsync(Config(backend, $$$"""
            , "extra_config": {"modifier/martian": {"header.Modifier": {"scope": ["request"], "name": "Authorization", "value": "{{{Credentials}}}"} } }
            """, inputHeaders: """["Authorization"]"""));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/protected");
        request.Headers.TryAddWithoutValidation("Authorization", "Basic b3RoZXI6b3RoZXI=");

        using var response = await gateway.Client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        backend.Received.Single().Headers.Authorization.ToString().Should().Be(Credentials);
    }

    private static string Config(TestBackend backend, string extraConfig, string inputHeaders = "[]") => TestGateway.Config($$$"""
        {"endpoint": "/protected", "input_headers": {{{inputHeaders}}},
         "backend": [{"host": ["{{{backend.Host}}}"], "url_pattern": "/protected" {{{extraConfig}}}}]}
        """);

    private static Task RequireBasicAuth(HttpContext context) =>
        context.Request.Headers.Authorization.ToString() == Credentials
            ? TestBackend.Json(context, """{"secret":"data"}""")
            : TestBackend.Json(context, """{"error":"unauthorized"}""", 401);
}
