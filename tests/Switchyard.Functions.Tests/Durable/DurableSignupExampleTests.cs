using System.Net;
using System.Text.Json.Nodes;
using Switchyard.Functions.Tests.Hosting;
using Switchyard.Testing;

namespace Switchyard.Functions.Tests.Durable;

/// <summary>
/// <c>examples/durable-signup.json</c>, the signup example made durable, on a real Azurite: for <c>yes</c> and <c>no</c>
/// it answers exactly what <c>examples/workflow-signup.json</c> answers in memory.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class DurableSignupExampleTests(AzuriteServer azurite)
{
    [Theory]
    [InlineData("yes")]
    [InlineData("no")]
    public async Task The_durable_signup_answers_the_in_memory_signups_bytes(string wantsNotifications)
    {
        await using var memory = await TestGateway.StartSelfCallingAsync(RepositoryFiles.Read("examples", "workflow-signup.json"));
        var durableExample = JsonNode.Parse(RepositoryFiles.Read("examples", "durable-signup.json"))!;
        durableExample["extra_config"]!["switchyard/durable"]!["connection"] = azurite.ConnectionString;
        durableExample["extra_config"]!["switchyard/durable"]!["task_hub"] = DurableConfig.NewTaskHub();
        await using var durable = await TestGateway.StartSelfCallingAsync(durableExample.ToJsonString());

        var key = "signup-" + wantsNotifications;
        var inMemory = await SignUpAsync(memory, wantsNotifications, key);
        var asFlow = await SignUpAsync(durable, wantsNotifications, key);

        // It did run as a flow: the task hub holds it, completed.
        await using var taskHub = DurableConfig.TaskHubOf(durableExample.ToJsonString());
        (await taskHub.GetAsync(key))!.RuntimeStatus.Should().Be("Completed");
        asFlow.Status.Should().Be(HttpStatusCode.OK);
        asFlow.Completed.Should().Be(inMemory.Completed);
        asFlow.ContentType.Should().Be(inMemory.ContentType);
        asFlow.Body.Should().Be(inMemory.Body);
    }

    private static async Task<GatewayAnswer> SignUpAsync(TestGateway gateway, string wantsNotifications, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/user/signup/" + wantsNotifications);
        request.Headers.UserAgent.ParseAdd("curl/8.6.0");
        request.Headers.Add("Idempotency-Key", key);
        return await GatewayAnswer.ReadAsync(await gateway.Client.SendAsync(request));
    }
}
