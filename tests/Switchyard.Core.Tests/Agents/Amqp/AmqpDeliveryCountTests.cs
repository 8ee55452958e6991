using Switchyard.Core.Agents.Amqp;

namespace Switchyard.Core.Tests.Agents.Amqp;

public sealed class AmqpDeliveryCountTests
{
    [Theory]
    [InlineData(null, null, false, 1)]
    [InlineData(null, null, true, 2)]
    [InlineData(2, null, false, 3)]
    [InlineData(2, null, true, 4)]
    [InlineData(null, 4L, true, 5)]
    [InlineData(2, 1L, true, 4)]
    [InlineData(null, 0L, false, 1)]
    public void Count_adds_earlier_copies_and_this_copy_earlier_deliveries(
        int? switchyardDeliveries, long? quorumDeliveryCount, bool redelivered, int expected)
    {
        var headers = new Dictionary<string, object?>();
        if (switchyardDeliveries is { } deliveries)
        {
            headers["x-switchyard-deliveries"] = deliveries;
        }

        if (quorumDeliveryCount is { } quorum)
        {
            headers["x-delivery-count"] = quorum;
        }

        AmqpDeliveryCount.Of(headers, redelivered).Should().Be(expected);
    }

    [Fact]
    public void Message_without_headers_counts_from_the_redelivered_flag()
    {
        AmqpDeliveryCount.Of(null, redelivered: false).Should().Be(1);
        AmqpDeliveryCount.Of(null, redelivered: true).Should().Be(2);
    }

    [Fact]
    public void Count_written_as_text_by_another_client_is_read()
    {
        var headers = new Dictionary<string, object?> { ["x-switchyard-deliveries"] = "4"u8.ToArray() };

        AmqpDeliveryCount.Of(headers, redelivered: false).Should().Be(5);
    }
}
