using Switchyard.Core.FanOut;

namespace Switchyard.Core.Tests.FanOut;

public sealed class AckWatermarkTests
{
    private readonly AckWatermark _watermark = new();

    public AckWatermarkTests()
    {
        for (ulong tag = 1; tag <= 6; tag++)
        {
            _watermark.Delivered(tag);
        }
    }

    [Fact]
    public void Settling_the_oldest_batch_acks_up_to_its_last_tag()
    {
        _watermark.Settle([1, 2, 3]).Should().Be(3UL);
        _watermark.Outstanding.Should().Be(3);
    }

    [Fact]
    public void A_later_batch_accepted_first_is_not_acked_before_the_earlier_one()
    {
        _watermark.Settle([4, 5, 6]).Should().BeNull();

        _watermark.Settle([1, 2, 3]).Should().Be(6UL, "one multiple ack then covers both batches");
        _watermark.Outstanding.Should().Be(0);
    }

    [Fact]
    public void A_dead_lettered_message_between_batches_settles_in_place()
    {
        _watermark.Settle([1, 3]).Should().Be(1UL);

        _watermark.Settle([2]).Should().Be(3UL);
    }
}
