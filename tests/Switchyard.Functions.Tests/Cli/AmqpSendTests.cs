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
        var path = Path.Combine(_directory, "krakend.json");
        File.WriteAllText(path, $$"""
            {"version": 3, "endpoints": [],
             "async_agent": [{"name": "orders", "consumer": {"topic": "orders.*"},
               "backend": [{"host": ["http://127.0.0.1:19"], "url_pattern": "/orders", "method": "POST"}],
               "extra_config": {"async/amqp": {"host": "{{rabbit.AmqpUri}}", "name": "{{_exchange}}-q", "exchange": "{{_exchange}}", "durable": true} } }]}
            """);
        var factory = new ConnectionFactory { Uri = rabbit.AmqpUri };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        await channel.ExchangeDeclareAsync(_exchange, ExchangeType.Topic, durable: true, autoDelete: false);
        var queue = (await channel.QueueDeclareAsync(exclusive: true)).QueueName;
        await channel.QueueBindAsync(queue, _exchange, "orders.*");

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
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
