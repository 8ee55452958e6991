using Switchyard.Core.Agents;
using System.Text;
using Switchyard.Functions.Serverless;

namespace Switchyard.Functions.Tests.Serverless;

public sealed class InvocationPayloadTests
{
    private static AgentMessage Read(string payload)
    {
        InvocationPayload.TryRead(Encoding.UTF8.GetBytes(payload), new RecordedSettlement(), out var message, out var problem).Should().BeTrue(problem);
        return message;
    }

    private static string BodyOf(string payload) => Encoding.UTF8.GetString(Read(payload).Body.Span);

    [Fact]
    public void A_service_bus_payload_with_binary_data_gives_the_raw_body_and_its_metadata()
    {
        var message = Read(HostPayloads.ServiceBus("""{"order":42}""", messageId: "m-1", deliveryCount: 3, properties: """{"tenant":"acme","priority":5,"urgent":true}"""));

        Encoding.UTF8.GetString(message.Body.Span).Should().Be("""{"order":42}""");
        message.Id.Should().Be("m-1");
        message.ContentType.Should().Be("application/json");
        message.DeliveryCount.Should().Be(3);
        message.RoutingKey.Should().Be("orders.created");
        message.Headers.Should().BeEquivalentTo(new Dictionary<string, string> { ["tenant"] = "acme", ["priority"] = "5", ["urgent"] = "true" });
    }

    [Fact]
    public void A_storage_queue_payload_with_the_default_string_binding_is_unwrapped_once()
    {
        var message = Read(HostPayloads.StorageQueue("""{"a":1}""", id: "q-7", dequeueCount: 2));

        Encoding.UTF8.GetString(message.Body.Span).Should().Be("""{"a":1}""");
        message.Id.Should().Be("q-7");
        message.DeliveryCount.Should().Be(2);
    }

    [Theory]
    [InlineData("""{"Data":{"message":"\"hello\""}}""", "hello")]
    [InlineData("""{"Data":{"message":"\"{\\\"a\\\":1}\""}}""", """{"a":1}""")]
    [InlineData("""{"Data":{"message":"aGVsbG8="}}""", "hello")]
    [InlineData("""{"Data":{"message":"dGVzdA=="}}""", "test")]
    [InlineData("""{"Data":{"message":""}}""", "")]
    [InlineData("""{"Data":{"message":{"a":1}}}""", """{"a":1}""")]
    [InlineData("""{"Data":{"message":[1,2]}}""", "[1,2]")]
    [InlineData("""{"Data":{"message":"not base64!"}}""", "not base64!")]
    [InlineData("""{"data":{"MESSAGE":"\"case\""}}""", "case")]
    [InlineData("""{"Data":{"queueItem":"\"only entry\""}}""", "only entry")]
    public void The_message_is_decoded_from_each_shape_the_host_sends(string payload, string body)
    {
        BodyOf(payload).Should().Be(body);
    }

    [Fact]
    public void Binary_data_keeps_bytes_that_are_not_text()
    {
        var bytes = new byte[] { 0, 0xff, 0x80, 10 };
        Read($$$"""{"Data":{"message":"{{{Convert.ToBase64String(bytes)}}}"}}""").Body.ToArray().Should().Equal(bytes);
    }

    [Fact]
    public void A_rabbitmq_payload_gives_its_routing_key_headers_and_requeue_count()
    {
        var message = Read(HostPayloads.RabbitMq("hi", routingKey: "orders.created", headers: new Dictionary<string, string> { ["tenant"] = "acme" }, requeueCount: 2));

        Encoding.UTF8.GetString(message.Body.Span).Should().Be("hi");
        message.RoutingKey.Should().Be("orders.created");
        message.Id.Should().Be("r-1");
        message.ContentType.Should().Be("text/plain");
        message.Headers["tenant"].Should().Be("acme");
        message.Headers[InvocationPayload.RabbitMqRequeueCountHeader].Should().Be("2");
        message.DeliveryCount.Should().Be(3);
    }

    [Fact]
    public void A_redelivered_rabbitmq_message_without_a_requeue_count_is_at_least_its_second_delivery()
    {
        Read("""{"Data":{"message":"aGk="},"Metadata":{"Redelivered":"true","RoutingKey":"\"k\""}}""").DeliveryCount.Should().Be(2);
        Read("""{"Data":{"message":"aGk="},"Metadata":{"Redelivered":"false"}}""").DeliveryCount.Should().Be(1);
    }

    [Theory]
    [InlineData("""{"Data":{"message":"aGk="}}""")]
    [InlineData("""{"Data":{"message":"aGk="},"Metadata":{}}""")]
    [InlineData("""{"Data":{"message":"aGk="},"Metadata":null}""")]
    [InlineData("""{"Data":{"message":"aGk="},"Metadata":{"DeliveryCount":"many","MessageId":null}}""")]
    public void Missing_or_unreadable_metadata_takes_the_defaults(string payload)
    {
        var message = Read(payload);

        message.Id.Should().BeNull();
        message.RoutingKey.Should().BeEmpty();
        message.DeliveryCount.Should().Be(1);
        message.Headers.Should().BeEmpty();
    }

    [Theory]
    [InlineData("""{"Data":{"message":"aGk="},"Metadata":{"DeliveryCount":4}}""", 4)]
    [InlineData("""{"Data":{"message":"aGk="},"Metadata":{"deliverycount":"4"}}""", 4)]
    [InlineData("""{"Data":{"message":"aGk="},"Metadata":{"DeliveryCount":"\"4\""}}""", 1)]
    [InlineData("""{"Data":{"message":"aGk="},"Metadata":{"DequeueCount":"5"}}""", 5)]
    [InlineData("""{"Data":{"message":"aGk="},"Metadata":{"DeliveryCount":"0"}}""", 1)]
    public void Counts_are_read_as_numbers_or_numeric_strings_in_any_key_case(string payload, int count)
    {
        Read(payload).DeliveryCount.Should().Be(count);
    }

    [Fact]
    public void Metadata_sent_as_json_text_is_read_too()
    {
        Read("""{"Data":{"message":"aGk="},"Metadata":"{\"MessageId\":\"\\\"m-9\\\"\"}"}""").Id.Should().Be("m-9");
    }

    [Theory]
    [InlineData("", "the invocation payload is not JSON")]
    [InlineData("garbage", "the invocation payload is not JSON")]
    [InlineData("[1]", "the invocation payload is not a JSON object")]
    [InlineData("{}", "the invocation payload has no Data object")]
    [InlineData("""{"Data":"x"}""", "the invocation payload has no Data object")]
    [InlineData("""{"Data":{}}""", "the invocation payload's Data has no 'message' entry")]
    [InlineData("""{"Data":{"message":null}}""", "the invocation payload's Data has no 'message' entry")]
    [InlineData("""{"Data":{"a":"x","b":"y"}}""", "the invocation payload's Data has no 'message' entry")]
    public void A_payload_that_is_not_an_invocation_is_refused_with_its_reason(string payload, string problem)
    {
        InvocationPayload.TryRead(Encoding.UTF8.GetBytes(payload), new RecordedSettlement(), out _, out var reason).Should().BeFalse();
        reason.Should().StartWith(problem);
    }
}
