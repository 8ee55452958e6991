using Azure.Storage.Queues;
using Switchyard.Testing;

namespace Switchyard.Functions.Tests.Infrastructure;

/// <summary>
/// <see cref="AzuriteServer"/>: a real Azurite whose three services answer on loopback, and whose data outlives a
/// stop and a start. The queue is driven with the Storage SDK at its default service version, newer than Azurite
/// knows, so these tests also prove that <c>infra/azurite.sh</c> starts Azurite with <c>--skipApiVersionCheck</c>.
/// </summary>
public sealed class AzuriteServerTests(AzuriteServer azurite) : IClassFixture<AzuriteServer>
{
    [Fact]
    public async Task A_queue_created_with_the_sdk_gives_back_the_message_sent_to_it()
    {
        var queue = new QueueClient(azurite.ConnectionString, "switchyard-answers");
        await queue.CreateIfNotExistsAsync();

        await queue.SendMessageAsync("hello from switchyard");
        var received = await queue.ReceiveMessagesAsync(maxMessages: 1);

        received.Value.Should().ContainSingle().Which.Body.ToString().Should().Be("hello from switchyard");
    }

    [Theory]
    [InlineData("Blob")]
    [InlineData("Table")]
    public async Task The_service_refuses_an_unsigned_request_in_its_own_name(string service)
    {
        var endpoint = service == "Blob" ? azurite.BlobEndpoint : azurite.TableEndpoint;
        using var http = new HttpClient();

        using var response = await http.GetAsync(new Uri($"{endpoint}?comp=list"));

        // Refused, but answered by Azurite's own service: a 4xx with its Server header, not some other listener.
        ((int)response.StatusCode).Should().BeInRange(400, 499);
        response.Headers.Server.ToString().Should().StartWith($"Azurite-{service}/");
    }

    [Fact]
    public async Task A_queued_message_survives_a_stop_and_a_start()
    {
        // An instance of its own: the outage must not reach the other tests' fixture.
        await using var server = await AzuriteServer.StartAsync();
        var queue = new QueueClient(server.ConnectionString, "switchyard-outage");
        await queue.CreateIfNotExistsAsync();
        await queue.SendMessageAsync("kept across the outage");

        await server.StopAsync();
        using (var http = new HttpClient())
        {
            var refused = async () => await http.GetAsync(server.QueueEndpoint);
            (await refused.Should().ThrowAsync<HttpRequestException>()).Which.HttpRequestError
                .Should().Be(HttpRequestError.ConnectionError);
        }

        await server.StartAgainAsync();
        var received = await queue.ReceiveMessagesAsync(maxMessages: 1);

        received.Value.Should().ContainSingle().Which.Body.ToString().Should().Be("kept across the outage");
    }
}
