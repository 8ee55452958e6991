using System.Net;
using System.Text.Json.Nodes;

namespace Switchyard.Functions.Tests.Hosting;

/// <summary>
/// <c>examples/workflow-signup.json</c>, the workflow documentation's signup example, served against the gateway's own
/// <c>/__debug/</c> and <c>/__echo/</c>: the answers must be the documented ones.
/// </summary>
public sealed class WorkflowSignupExampleTests
{
    private static Task<TestGateway> StartExampleAsync() =>
        TestGateway.StartSelfCallingAsync(RepositoryFiles.Read("examples", "workflow-signup.json"));

    private static async Task<string> SignUpAsync(TestGateway gateway, string wantsNotifications)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/user/signup/" + wantsNotifications);
        request.Headers.UserAgent.ParseAdd("curl/8.6.0");
        var response = await gateway.Client.SendAsync(request);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return await response.Content.ReadAsStringAsync();
    }

    private static string Normalised(string json) => JsonNode.Parse(json)!.ToJsonString();

    [Fact]
    public async Task Signing_up_with_notifications_answers_the_documented_body()
    {
        await using var gateway = await StartExampleAsync();

        var body = await SignUpAsync(gateway, "yes");

        Normalised(body).Should().Be(Normalised("""
            {
              "additional-services": {
                "notification-service": { "message": "pong" },
                "send-email": { "req_uri": "/__echo/welcome/pong?ua=curl/8.6.0" }
              },
              "legacy-response": { "message": "pong" }
            }
            """));
    }

    [Fact]
    public async Task Signing_up_without_notifications_skips_the_email_step()
    {
        await using var gateway = await StartExampleAsync();

        var body = await SignUpAsync(gateway, "no");

        Normalised(body).Should().Be(Normalised("""
            {
              "additional-services": {
                "notification-service": { "message": "pong" }
              },
              "legacy-response": { "message": "pong" }
            }
            """));
    }
}
