using Switchyard.Core.FanOut;

namespace Switchyard.Core.Tests.FanOut;

public sealed class KombuEnvelopeTests
{
    private const string Event = """{"type":"task-sent","uuid":"1","timestamp":1.5}""";

    /// <summary>kombu 5.2.4's envelope as a Celery 5.2.6 worker published it on Redis (captured with redis-cli, body shortened).</summary>
    private static string Envelope(string body, string? bodyEncoding = "base64", string contentType = "application/json", string headers = """{"hostname": "gen5276@vm"}""") =>
        $$$"""{"body": "{{{body}}}", "content-encoding": "utf-8", "content-type": "{{{contentType}}}", "headers": {{{headers}}}, "properties": {"delivery_mode": 1, "delivery_info": {"exchange": "celeryev", "routing_key": "task.sent"}, "priority": 0, {{{(bodyEncoding is null ? "" : $"\"body_encoding\": \"{bodyEncoding}\", ")}}}"delivery_tag": "4ebb2135"}}""";

    [Fact]
    public void A_base64_body_is_decoded()
    {
        var body = KombuEnvelope.Open(System.Text.Encoding.UTF8.GetBytes(Envelope(Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(Event)))), out var reason);

        reason.Should().BeNull();
        System.Text.Encoding.UTF8.GetString(body!).Should().Be(Event);
    }

    [Fact]
    public void A_body_without_encoding_is_the_text_itself()
    {
        var body = KombuEnvelope.Open(System.Text.Encoding.UTF8.GetBytes(Envelope(Event.Replace("\"", "\\\"", StringComparison.Ordinal), bodyEncoding: null)), out _);

        System.Text.Encoding.UTF8.GetString(body!).Should().Be(Event);
    }

    [Theory]
    [InlineData("not json", "not a kombu message (not JSON: ")]
    [InlineData("""{"nobody": 1}""", "not a kombu message (no string \"body\")")]
    public void What_is_not_an_envelope_says_so(string message, string start)
    {
        KombuEnvelope.Open(System.Text.Encoding.UTF8.GetBytes(message), out var reason).Should().BeNull();
        reason.Should().StartWith(start);
    }

    [Fact]
    public void A_pickled_body_is_refused_with_the_setting_to_change()
    {
        KombuEnvelope.Open(System.Text.Encoding.UTF8.GetBytes(Envelope("gASV", contentType: "application/x-python-serialize")), out var reason).Should().BeNull();
        reason.Should().Be("the body's content type is 'application/x-python-serialize', not application/json (set the app's event_serializer to json)");
    }

    [Fact]
    public void A_compressed_body_is_refused()
    {
        KombuEnvelope.Open(System.Text.Encoding.UTF8.GetBytes(Envelope("eJzz", headers: """{"compression": "application/x-gzip"}""")), out var reason).Should().BeNull();
        reason.Should().Be("the body is compressed (application/x-gzip); send events uncompressed");
    }

    [Fact]
    public void Broken_base64_is_refused()
    {
        KombuEnvelope.Open(System.Text.Encoding.UTF8.GetBytes(Envelope("%%%")), out var reason).Should().BeNull();
        reason.Should().Be("the body is not valid base64 although its body_encoding says base64");
    }
}
