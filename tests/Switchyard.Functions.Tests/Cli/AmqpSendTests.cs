using System.Diagnostics;
using System.Text;
using RabbitMQ.Client;
using Switchyard.Functions.Cli;
using Switchyard.Functions.Tests.Agents;
using Switchyard.Testing;

namespace Switchyard.Functions.Tests.Cli;

/// <summary><c>switchyard send</c> to an <c>async/amqp</c> agent, against a real RabbitMQ node, read back from a bound queue.</summary>
[Collection(RabbitMqAgentsCollection.Name)]
public sealed class AmqpSendTests(RabbitMqServer rabbit) : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("switchyard-send-amqp-").FullName;
    private readonly string _exchange = "send-" + Guid.NewGuid().ToString("N")[..12];

    [Fact]
    public async Task The_message_reaches_the_exchange_with_its_routing_key_content_type_id_and_headers()
    {
        var path = WriteConfig();
        await using var connection = await new ConnectionFactory { Uri = rabbit.AmqpUri }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var queue = await BindQueueAsync(channel);

        var (exitCode, output, errors) = await SendRun.RunAsync(
            new SendRequest("orders", path, "orders.created", """{"order":7}""", null, null)
            {
                Headers = ["tenant=acme", "trace=a=b"],
                ContentType = "application/vnd.orders+json",
            });

        errors.Should().BeEmpty();
        exitCode.Should().Be(0);
        var delivered = await channel.BasicGetAsync(queue, autoAck: true);
        delivered.Should().NotBeNull();
        Encoding.UTF8.GetString(delivered!.Body.Span).Should().Be("""{"order":7}""");
        delivered.RoutingKey.Should().Be("orders.created");
        delivered.BasicProperties.ContentType.Should().Be("application/vnd.orders+json");
        delivered.BasicProperties.Persistent.Should().BeTrue();
        output.Should().Contain($"(message {delivered.BasicProperties.MessageId})");
        var headers = delivered.BasicProperties.Headers!;
        Encoding.UTF8.GetString((byte[])headers["tenant"]!).Should().Be("acme");
        Encoding.UTF8.GetString((byte[])headers["trace"]!).Should().Be("a=b", "only the first '=' separates name and value");
        headers.Should().NotContainKey("traceparent", "nothing traced the send");
    }

    [Fact]
    public async Task Sent_from_a_traced_process_the_message_carries_its_span_unless_a_traceparent_header_is_given()
    {
        var path = WriteConfig();
        await using var connection = await new ConnectionFactory { Uri = rabbit.AmqpUri }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var queue = await BindQueueAsync(channel);
        using var span = new Activity("script").SetIdFormat(ActivityIdFormat.W3C).Start();
        var given = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

        (await SendRun.RunAsync(new SendRequest("orders", path, "orders.created", """{"order":8}""", null, null))).ExitCode.Should().Be(0);
        (await SendRun.RunAsync(new SendRequest("orders", path, "orders.created", """{"order":9}""", null, null) { Headers = ["traceparent=" + given] }))
            .ExitCode.Should().Be(0);

        string TraceParentOf(BasicGetResult? delivered) => Encoding.UTF8.GetString((byte[])delivered!.BasicProperties.Headers!["traceparent"]!);
        TraceParentOf(await channel.BasicGetAsync(queue, autoAck: true)).Should().Be(span.Id);
        TraceParentOf(await channel.BasicGetAsync(queue, autoAck: true)).Should().Be(given);
    }

    private string WriteConfig()
    {
        var path = Path.Combine(_directory, "krakend.json");
        File.WriteAllText(path, $$"""
            {"version": 3, "endpoints": [],
             "async_agent": [{"name": "orders", "consumer": {"topic": "orders.*"},
               "backend": [{"host": ["http://127.0.0.1:19"], "url_pattern": "/orders", "method": "POST"}],
               "extra_config": {"async/amqp": {"host": "{{rabbit.AmqpUri}}", "name": "{{_exchange}}-q", "exchange": "{{_exchange}}", "durable": true} } }]}
            """);
        return path;
    }

    // A queue of the test's own bound to the agent's exchange: what send publishes can be read back.
    private async Task<string> BindQueueAsync(IChannel channel)
    {
        await channel.ExchangeDeclareAsync(_exchange, ExchangeType.Topic, durable: true, autoDelete: false);
        var queue = (await channel.QueueDeclareAsync(exclusive: true)).QueueName;
        await channel.QueueBindAsync(queue, _exchange, "orders.*");
        return queue;
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
