using RabbitMQ.Client;
using Switchyard.Core.Agents.Amqp;

namespace Switchyard.Core.Tests.Agents.Amqp;

public sealed class AmqpHeaderValuesTests
{
    public static TheoryData<object?, string> Values => new()
    {
        { null, "" },
        { "café"u8.ToArray(), "café" },
        { "text", "text" },
        { 42, "42" },
        { -7L, "-7" },
        { 1.5d, "1.5" },
        { 2.25m, "2.25" },
        { true, "true" },
        { false, "false" },
        { new AmqpTimestamp(1_700_000_000), "1700000000" },
        { new List<object?> { "a"u8.ToArray(), 2, true }, "a,2,true" },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void Header_value_is_read_as_text(object? value, string expected) =>
        AmqpHeaderValues.ToText(value).Should().Be(expected);

    [Theory]
    [InlineData(3, 3)]
    [InlineData(3L, 3)]
    [InlineData((short)3, 3)]
    [InlineData(-1, 0)]
    [InlineData("x", 0)]
    [InlineData(1.5d, 0)]
    public void Count_is_a_non_negative_integer_or_zero(object value, int expected) =>
        AmqpHeaderValues.ToCount(value).Should().Be(expected);

    [Fact]
    public void Headers_become_text_without_the_dotnet_client_publish_sequence()
    {
        var headers = new Dictionary<string, object?>
        {
            ["tenant"] = "acme"u8.ToArray(),
            ["x-dotnet-pub-seq-no"] = 17UL,
        };

        AmqpHeaderValues.ToTextDictionary(headers).Should().Equal(new Dictionary<string, string> { ["tenant"] = "acme" });
    }

    [Fact]
    public void No_headers_is_an_empty_dictionary() =>
        AmqpHeaderValues.ToTextDictionary(null).Should().BeEmpty();
}
