using System.Text;
using Azure.Core.Amqp;
using Switchyard.Core.Agents;
using Switchyard.Functions.Cli;

namespace Switchyard.Functions.Tests.Cli;

/// <summary>
/// <c>switchyard send</c> to an <c>async/servicebus</c> agent. No Service Bus can run here (its client needs the SASL
/// mechanism MSSBCBS, which no local broker offers): the message is checked as the SDK builds it for the wire, and
/// the connection as it is chosen; sending to a real namespace is not run.
/// </summary>
public sealed class ServiceBusSendTests : IDisposable
{
    private const string Sample = """{"order":7,"customer":"Zoë"}""";

    private readonly string _directory = Directory.CreateTempSubdirectory("switchyard-send-sb-").FullName;
    private readonly string _setting = "SwitchyardSendTest" + Guid.NewGuid().ToString("N");

    private static OutgoingMessage SampleMessage(string routingKey = "orders.created") => new(
        Encoding.UTF8.GetBytes(Sample),
        routingKey,
        "application/json; charset=utf-8",
        new Dictionary<string, string> { ["tenant"] = "acme", ["trace"] = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01" });

    [Fact]
    public void The_built_message_carries_body_content_type_id_subject_and_application_properties()
    {
        var sample = SampleMessage();

        var message = ServiceBusPublisher.Build(sample);

        message.Body.ToArray().Should().Equal(Encoding.UTF8.GetBytes(Sample));
        message.ContentType.Should().Be("application/json; charset=utf-8");
        message.MessageId.Should().Be(sample.Id).And.MatchRegex("^[0-9a-f]{32}$");
        message.Subject.Should().Be("orders.created");
        message.ApplicationProperties.Should().BeEquivalentTo(new Dictionary<string, object>
        {
            ["tenant"] = "acme",
            ["trace"] = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        });
        message.CorrelationId.Should().BeNull();
        message.SessionId.Should().BeNull();
        message.TimeToLive.Should().Be(TimeSpan.MaxValue, "the entity's default time to live applies");
    }

    [Fact]
    public void On_the_wire_the_fields_are_the_amqp_properties_the_trigger_reads()
    {
        var sample = SampleMessage();

        var amqp = ServiceBusPublisher.Build(sample).GetRawAmqpMessage();

        amqp.Body.BodyType.Should().Be(AmqpMessageBodyType.Data);
        amqp.Body.TryGetData(out var data).Should().BeTrue();
        data!.SelectMany(segment => segment.ToArray()).Should().Equal(Encoding.UTF8.GetBytes(Sample));
        amqp.Properties.MessageId.Should().Be(new AmqpMessageId(sample.Id));
        amqp.Properties.ContentType.Should().Be("application/json; charset=utf-8");
        amqp.Properties.Subject.Should().Be("orders.created");
        amqp.ApplicationProperties.Should().Contain("tenant", "acme").And.HaveCount(2);
    }

    [Fact]
    public void Without_a_routing_key_the_message_has_no_subject()
    {
        var amqp = ServiceBusPublisher.Build(SampleMessage(routingKey: "")).GetRawAmqpMessage();

        amqp.Properties.Subject.Should().BeNull();
    }

    [Fact]
    public void Two_messages_never_share_an_id()
    {
        ServiceBusPublisher.Build(SampleMessage()).MessageId.Should().NotBe(ServiceBusPublisher.Build(SampleMessage()).MessageId);
    }

    [Fact]
    public void The_connection_is_the_option_given_else_the_agents_app_settings_as_the_host_reads_them()
    {
        var options = new ServiceBusDriverOptions { Queue = "orders", Connection = _setting };

        ServiceBusConnectionTarget.Resolve(options, "Endpoint=sb://a.servicebus.windows.net/", null, out _)
            .Should().Be(new ServiceBusConnectionTarget("Endpoint=sb://a.servicebus.windows.net/", IsConnectionString: true));
        ServiceBusConnectionTarget.Resolve(options, null, "a.servicebus.windows.net", out _)
            .Should().Be(new ServiceBusConnectionTarget("a.servicebus.windows.net", IsConnectionString: false));
        ServiceBusConnectionTarget.Resolve(options, "Endpoint=sb://a.servicebus.windows.net/", "a.servicebus.windows.net", out var both).Should().BeNull();
        both.Should().Be("give --connection or --namespace, not both");

        try
        {
            Environment.SetEnvironmentVariable(_setting + "__fullyQualifiedNamespace", "b.servicebus.windows.net");
            ServiceBusConnectionTarget.Resolve(options, null, null, out _)
                .Should().Be(new ServiceBusConnectionTarget("b.servicebus.windows.net", IsConnectionString: false));

            // The setting itself, a connection string, comes first, as in the Functions host.
            Environment.SetEnvironmentVariable(_setting, "Endpoint=sb://c.servicebus.windows.net/");
            ServiceBusConnectionTarget.Resolve(options, null, null, out _)
                .Should().Be(new ServiceBusConnectionTarget("Endpoint=sb://c.servicebus.windows.net/", IsConnectionString: true));
        }
        finally
        {
            Environment.SetEnvironmentVariable(_setting, null);
            Environment.SetEnvironmentVariable(_setting + "__fullyQualifiedNamespace", null);
        }

        ServiceBusConnectionTarget.Resolve(options, null, null, out var none).Should().BeNull();
        none.Should().Contain($"set {_setting} (a connection string) or {_setting}__fullyQualifiedNamespace");
    }

    [Fact]
    public async Task The_sender_targets_the_agents_queue_or_its_topic_on_the_connections_namespace()
    {
        var connectionString = new ServiceBusConnectionTarget(
            "Endpoint=sb://mybus.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=c2VuZC1rZXk=", IsConnectionString: true);
        await using var byKey = ServiceBusPublisher.Client(connectionString);
        await using var byIdentity = ServiceBusPublisher.Client(new ServiceBusConnectionTarget("otherbus.servicebus.windows.net", IsConnectionString: false));

        byKey.FullyQualifiedNamespace.Should().Be("mybus.servicebus.windows.net");
        byIdentity.FullyQualifiedNamespace.Should().Be("otherbus.servicebus.windows.net");
        await using var toQueue = ServiceBusPublisher.Sender(byKey, new ServiceBusDriverOptions { Queue = "orders" });
        toQueue.EntityPath.Should().Be("orders");
        await using var toTopic = ServiceBusPublisher.Sender(byIdentity, new ServiceBusDriverOptions { Topic = "invoices", Subscription = "billing" });
        toTopic.EntityPath.Should().Be("invoices");
    }

    [Fact]
    public async Task A_malformed_connection_string_is_an_error_that_does_not_print_its_key()
    {
        const string key = "c2VjcmV0LXNoYXJlZC1hY2Nlc3Mta2V5LW5vdC10by1iZS1wcmludGVk";
        var path = WriteConfig();

        var (exitCode, output, errors) = await SendRun.RunAsync(
            new SendRequest("orders", path, null, Sample, null, null) { Connection = $"SharedAccessKeyName=send;SharedAccessKey={key}" });

        exitCode.Should().Be(1);
        output.Should().BeEmpty();
        errors.Should().StartWith("error: The connection string used for an Service Bus client must specify the Service Bus namespace host")
            .And.NotContain(key);
    }

    [Fact]
    public async Task Without_a_connection_the_settings_read_are_named()
    {
        var path = WriteConfig();

        var (exitCode, _, errors) = await SendRun.RunAsync(new SendRequest("orders", path, null, Sample, null, null));

        exitCode.Should().Be(1);
        errors.Should().Contain($"no Service Bus connection: give --connection or --namespace, or set {_setting}");
    }

    private string WriteConfig()
    {
        var path = Path.Combine(_directory, "krakend.json");
        File.WriteAllText(path, $$"""
            {"version": 3, "endpoints": [],
             "async_agent": [{"name": "orders", "consumer": {"topic": "orders.created"},
               "backend": [{"host": ["http://127.0.0.1:19"], "url_pattern": "/orders", "method": "POST"}],
               "extra_config": {"async/servicebus": {"queue": "orders", "connection": "{{_setting}}"} } }]}
            """);
        return path;
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
