using Switchyard.Core.Agents;

namespace Switchyard.Core.Tests.Agents;

public sealed class TokenBucketTests
{
    [Theory]
    [InlineData(0.5, 1)]
    [InlineData(1, 1)]
    [InlineData(2.9, 2)]
    [InlineData(100, 100)]
    public void Capacity_is_the_integer_rate_and_at_least_one(double rate, int capacity) =>
        new TokenBucket(rate).Capacity.Should().Be(capacity);

    [Fact]
    public void A_full_bucket_serves_a_burst_of_its_capacity_at_once_then_makes_takers_wait_in_turn()
    {
        var bucket = new TokenBucket(10);

        var waits = Enumerable.Range(0, 13).Select(_ => bucket.Reserve(TimeSpan.Zero)).ToArray();

        waits.Take(10).Should().AllSatisfy(w => w.Should().Be(TimeSpan.Zero));
        waits.Skip(10).Select(w => w.TotalMilliseconds).Should().Equal(100, 200, 300);
    }

    [Fact]
    public void Tokens_come_back_at_the_rate()
    {
        var bucket = new TokenBucket(4);
        for (var i = 0; i < 4; i++)
        {
            bucket.Reserve(TimeSpan.Zero);
        }

        bucket.Reserve(TimeSpan.FromMilliseconds(250)).Should().Be(TimeSpan.Zero);
        bucket.Reserve(TimeSpan.FromMilliseconds(250)).TotalMilliseconds.Should().BeApproximately(250, 1e-6);
    }

    [Fact]
    public void An_idle_bucket_never_holds_more_than_its_capacity()
    {
        var bucket = new TokenBucket(2);

        var waits = Enumerable.Range(0, 3).Select(_ => bucket.Reserve(TimeSpan.FromHours(1))).ToArray();

        waits.Count(w => w == TimeSpan.Zero).Should().Be(2);
    }

    [Fact]
    public void A_fractional_rate_spaces_messages_by_its_inverse()
    {
        var bucket = new TokenBucket(0.5);

        bucket.Reserve(TimeSpan.Zero).Should().Be(TimeSpan.Zero);
        bucket.Reserve(TimeSpan.Zero).Should().Be(TimeSpan.FromSeconds(2));
    }

    [Fact]
    public void A_returned_reservation_goes_to_the_next_taker()
    {
        var bucket = new TokenBucket(1);
        bucket.Reserve(TimeSpan.Zero);
        bucket.Reserve(TimeSpan.Zero).Should().Be(TimeSpan.FromSeconds(1));

        bucket.Return(TimeSpan.Zero);

        // Without the return this taker would wait behind the cancelled one: 2 s.
        bucket.Reserve(TimeSpan.Zero).Should().Be(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void Over_a_long_run_the_bucket_admits_the_rate_plus_one_burst()
    {
        var bucket = new TokenBucket(20);
        var now = TimeSpan.Zero;
        var admitted = 0;
        var step = TimeSpan.FromMilliseconds(1);
        while (now < TimeSpan.FromSeconds(10))
        {
            var wait = bucket.Reserve(now);
            now += wait > TimeSpan.Zero ? wait : step;
            admitted++;
        }

        admitted.Should().BeInRange(20 + 200 - 2, 20 + 200 + 2);
    }
}
