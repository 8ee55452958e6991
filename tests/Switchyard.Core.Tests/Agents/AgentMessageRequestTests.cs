using Switchyard.Core.Agents;

namespace Switchyard.Core.Tests.Agents;

public sealed class AgentMessageRequestTests
{
    private static AgentMessage Message(
        IReadOnlyDictionary<string, string>? headers = null,
        string? id = "m-1",
        string? contentType = "application/json") => new()
        {
            Id = id,
            RoutingKey = "orders.created",
            ContentType = contentType,
            Headers = headers ?? new Dictionary<string, string>(),
            Body = "{\"a\":1}"u8.ToArray(),
            Settlement = NoSettlement.Instance,
        };

    [Fact]
    public void The_body_goes_unchanged_with_no_params_and_no_query()
    {
        var request = AgentMessageRequest.Create(Message(), "/__agent/orders");

        request.Body.ToArray().Should().Equal("{\"a\":1}"u8.ToArray());
        request.Params.Should().BeEmpty();
        request.Query.Should().BeEmpty();
        request.Path.Should().Be("/__agent/orders");
    }

    [Fact]
    public void Id_routing_key_and_content_type_become_headers()
    {
        var request = AgentMessageRequest.Create(Message(), "/a");

        request.Headers.Should().BeEquivalentTo(new Dictionary<string, string[]>
        {
            ["X-Message-Id"] = ["m-1"],
            ["X-Message-Routing-Key"] = ["orders.created"],
            ["Content-Type"] = ["application/json"],
        });
    }

    [Fact]
    public void A_missing_id_or_content_type_adds_no_header()
    {
        var request = AgentMessageRequest.Create(Message(id: null, contentType: null), "/a");

        request.Headers.Keys.Should().Equal("X-Message-Routing-Key");
    }

    [Fact]
    public void Message_headers_are_prefixed_and_looked_up_case_insensitively()
    {
        var request = AgentMessageRequest.Create(Message(new Dictionary<string, string> { ["tenant"] = "acme" }), "/a");

        request.Headers["x-message-header-TENANT"].Should().Equal("acme");
    }

    [Theory]
    [InlineData("a\r\nX-Injected: 1", "a  X-Injected: 1")]
    [InlineData("line1\nline2", "line1 line2")]
    [InlineData("nul\0here", "nul here")]
    [InlineData("tab\tkept", "tab\tkept")]
    public void Header_values_lose_their_control_characters(string value, string expected) =>
        AgentMessageRequest.Create(Message(new Dictionary<string, string> { ["v"] = value }), "/a")
            .Headers["X-Message-Header-v"].Should().Equal(expected);

    [Fact]
    public void Header_names_keep_only_token_characters()
    {
        var request = AgentMessageRequest.Create(Message(new Dictionary<string, string> { ["a b:c\r\n"] = "1", [""] = "dropped" }), "/a");

        request.Headers.Keys.Should().Contain("X-Message-Header-a-b-c--").And.NotContain("X-Message-Header-");
    }

    private sealed class NoSettlement : IMessageSettlement
    {
        public static readonly NoSettlement Instance = new();

        public ValueTask AckAsync() => ValueTask.CompletedTask;

        public ValueTask NackAsync(bool requeue) => ValueTask.CompletedTask;

        public ValueTask DeadLetterAsync(string reason) => ValueTask.CompletedTask;
    }
}
