using System.Text.Json;
using Switchyard.Core.FanOut;

namespace Switchyard.Core.Tests.FanOut;

public sealed class CeleryEventSchemaTests
{
    private const string Common = "\"timestamp\":1700000000.25,\"utcoffset\":0,\"pid\":42,\"clock\":7";
    private const string Worker = "\"hostname\":\"w1@h\",\"sw_ident\":\"py-celery\",\"sw_ver\":\"5.2.6\",\"sw_sys\":\"Linux\"";

    [Theory]
    [InlineData($$"""{"type":"task-sent","uuid":"u1","name":"tasks.add","args":"(2, 3)","eta":null,"retries":0,{{Common}}}""")]
    [InlineData($$"""{"type":"task-revoked","uuid":"u1","terminated":true,"signum":"SIGTERM","expired":false,{{Common}}}""")]
    [InlineData($$"""{"type":"worker-heartbeat","freq":2,"active":0,"processed":3,"loadavg":[0.1,0.2,0.3],{{Worker}},{{Common}}}""")]
    [InlineData($$"""{"type":"worker-online","freq":2.0,{{Worker}},{{Common}},"a_field_from_a_newer_celery":1}""")]
    public void Events_celery_sends_are_valid(string json)
    {
        CeleryEventSchema.Validate(Parse(json)).Should().BeNull();
    }

    [Theory]
    [InlineData("""{"uuid":"u1"}""", "no event type")]
    [InlineData("""{"type":"task-exploded"}""", "unknown event type 'task-exploded'")]
    [InlineData("""{"type":"task-sent","uuid":"u1","utcoffset":0,"pid":1,"clock":1}""", "task-sent: 'timestamp' is required")]
    [InlineData("""{"type":"task-sent","uuid":"u1","timestamp":1,"utcoffset":0,"pid":1.5,"clock":1}""", "task-sent: 'pid' must be an integer")]
    [InlineData($$"""{"type":"task-started",{{Common}}}""", "task-started: 'uuid' is required and must be a string")]
    [InlineData($$"""{"type":"task-sent","uuid":"u1","retries":"1",{{Common}}}""", "task-sent: 'retries' has the wrong type (string)")]
    [InlineData($$"""{"type":"worker-heartbeat","freq":"2",{{Worker}},{{Common}}}""", "worker-heartbeat: 'freq' must be a number")]
    public void Invalid_events_are_rejected_with_the_reason(string json, string reason)
    {
        CeleryEventSchema.Validate(Parse(json)).Should().Be(reason);
    }

    [Fact]
    public void With_the_schema_the_decoder_rejects_an_invalid_event_and_keeps_the_valid_one()
    {
        var decoder = new EventDecoder(null, TimeProvider.System, CeleryEventSchema.Validate);

        var decoded = decoder.Decode(System.Text.Encoding.UTF8.GetBytes($$"""[{"type":"task-started","uuid":"u1",{{Common}}},{"type":"nope"}]"""));

        decoded.Events.Should().ContainSingle();
        decoded.Rejected.Should().ContainSingle().Which.Reason.Should().Be("unknown event type 'nope'");
        System.Text.Encoding.UTF8.GetString(decoded.Rejected[0].Payload).Should().Be("""{"type":"nope"}""");
    }

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
