using Switchyard.Core.FanOut;
using Switchyard.Testing;

namespace Switchyard.Core.Tests.FanOut;

public sealed class EventDecoderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);
    private readonly EventDecoder _decoder = new(null, new ManualTimeProvider(Now));

    [Fact]
    public void An_object_body_is_one_event()
    {
        var decoded = _decoder.Decode(Utf8("""{"type":"worker-heartbeat"}"""));

        decoded.Events.Should().ContainSingle().Which.GetProperty("type").GetString().Should().Be("worker-heartbeat");
        decoded.Rejected.Should().BeEmpty();
    }

    [Fact]
    public void An_array_body_is_its_objects_and_other_items_are_rejected_with_their_index()
    {
        var decoded = _decoder.Decode(Utf8("""[{"type":"task-started"},42,{"type":"task-succeeded"}]"""));

        decoded.Events.Select(item => item.GetProperty("type").GetString()).Should().Equal("task-started", "task-succeeded");
        decoded.Rejected.Should().ContainSingle().Which.Should().BeEquivalentTo(
            new { Payload = Utf8("42"), Reason = "array item 1 is not a JSON object but a number" });
    }

    [Theory]
    [InlineData("not json", "not JSON: ")]
    [InlineData("\"text\"", "not a JSON object or array but a string")]
    [InlineData("null", "not a JSON object or array but null")]
    public void A_body_that_holds_no_event_is_rejected_whole(string body, string reason)
    {
        var decoded = _decoder.Decode(Utf8(body));

        decoded.Events.Should().BeEmpty();
        decoded.Rejected.Should().ContainSingle().Which.Reason.Should().StartWith(reason);
        decoded.Rejected[0].Payload.Should().Equal(Utf8(body));
    }

    [Fact]
    public void With_a_ttl_events_older_than_it_are_dropped_and_counted()
    {
        var decoder = new EventDecoder(TimeSpan.FromSeconds(60), new ManualTimeProvider(Now));
        var now = Now.ToUnixTimeSeconds();

        var decoded = decoder.Decode(Utf8($$"""[{"timestamp":{{now - 61}}.5},{"timestamp":{{now - 59}}.5},{"type":"no timestamp"}]"""));

        decoded.Expired.Should().Be(1);
        decoded.Events.Should().HaveCount(2);
    }

    private static byte[] Utf8(string text) => System.Text.Encoding.UTF8.GetBytes(text);
}
