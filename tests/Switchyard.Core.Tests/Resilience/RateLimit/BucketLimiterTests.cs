using System.Threading.RateLimiting;
using Switchyard.Core.Resilience.RateLimit;
using Switchyard.Testing;

namespace Switchyard.Core.Tests.Resilience.RateLimit;

public sealed class BucketLimiterTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    // Requests made at each step, every step advancing the clock by `step`: admitted counts per step.
    [Theory]
    [InlineData(1, "1s", 1, "1s", 5, new[] { 1, 1, 1, 1, 1 })]
    [InlineData(3, "1s", 3, "1s", 5, new[] { 3, 3, 3, 3, 3 })]
    [InlineData(10, "1s", 5, "500ms", 5, new[] { 5, 5, 5, 5, 5 })]
    [InlineData(2, "1s", 10, "1s", 5, new[] { 10, 2, 2, 2, 2 })]
    [InlineData(0.5, "1s", 1, "1s", 6, new[] { 1, 0, 1, 0, 1, 0 })]
    [InlineData(0.1, "1s", 1, "5s", 6, new[] { 1, 0, 1, 0, 1, 0 })]
    [InlineData(2.5, "1s", 6, "2s", 5, new[] { 6, 5, 5, 5, 5 })]
    [InlineData(5, "10m", 5, "2m", 6, new[] { 5, 1, 1, 1, 1, 1 })]
    [InlineData(50, "10m", 50, "1m", 4, new[] { 50, 5, 5, 5 })]
    [InlineData(1, "10m", 1, "5m", 5, new[] { 1, 0, 1, 0, 1 })]
    public void A_full_bucket_admits_exactly_its_capacity_then_max_rate_per_every(
        double maxRate, string every, int capacity, string step, int steps, int[] admitted)
    {
        var clock = new ManualTimeProvider(Start);
        var limiter = new BucketLimiter(maxRate, Duration(every), capacity, clock);

        var counts = new List<int>();
        for (var i = 0; i < steps; i++)
        {
            if (i > 0)
            {
                clock.Advance(Duration(step));
            }

            counts.Add(Drain(limiter));
        }

        counts.Should().Equal(admitted);
    }

    [Fact]
    public void After_a_long_idle_only_capacity_passes_at_once()
    {
        var clock = new ManualTimeProvider(Start);
        var limiter = new BucketLimiter(1, TimeSpan.FromSeconds(1), 3, clock);
        Drain(limiter).Should().Be(3);

        clock.Advance(TimeSpan.FromHours(1));

        Drain(limiter).Should().Be(3, "a bucket never holds more than its capacity (KrakenD's would let 2·3+1 through)");
    }

    [Fact]
    public void The_rate_holds_between_whole_intervals()
    {
        var clock = new ManualTimeProvider(Start);
        var limiter = new BucketLimiter(4, TimeSpan.FromSeconds(1), 1, clock);
        limiter.TryTake().Should().BeTrue();

        clock.Advance(TimeSpan.FromMilliseconds(249));
        limiter.TryTake().Should().BeFalse();
        clock.Advance(TimeSpan.FromMilliseconds(1));
        limiter.TryTake().Should().BeTrue();
        limiter.TryTake().Should().BeFalse();
    }

    [Fact]
    public async Task As_a_rate_limiter_it_answers_at_once_with_shared_leases()
    {
        var clock = new ManualTimeProvider(Start);
        RateLimiter limiter = new BucketLimiter(1, TimeSpan.FromSeconds(1), 1, clock);

        using var first = limiter.AttemptAcquire();
        var pending = limiter.AcquireAsync();

        first.IsAcquired.Should().BeTrue();
        pending.IsCompletedSuccessfully.Should().BeTrue("a refused request is never queued");
        var second = await pending;
        second.IsAcquired.Should().BeFalse();
        limiter.AttemptAcquire().Should().BeSameAs(second);
    }

    [Fact]
    public void Concurrent_takers_share_exactly_the_capacity()
    {
        var clock = new ManualTimeProvider(Start);
        var limiter = new BucketLimiter(1, TimeSpan.FromSeconds(1), 1000, clock);
        var admitted = 0;

        Parallel.For(0, 4000, _ =>
        {
            if (limiter.TryTake())
            {
                Interlocked.Increment(ref admitted);
            }
        });

        admitted.Should().Be(1000);
    }

    private static int Drain(BucketLimiter limiter)
    {
        var admitted = 0;
        while (limiter.TryTake())
        {
            admitted++;
            admitted.Should().BeLessThan(100_000, "a bucket must run dry");
        }

        return admitted;
    }

    private static TimeSpan Duration(string text) => Switchyard.Core.Configuration.GoDuration.TryParse(text, out var value, out _) ? value : throw new ArgumentException(text);
}
