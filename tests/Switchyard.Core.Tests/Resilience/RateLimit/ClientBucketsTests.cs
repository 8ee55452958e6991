using Switchyard.Core.Resilience.RateLimit;
using Switchyard.Testing;

namespace Switchyard.Core.Tests.Resilience.RateLimit;

public sealed class ClientBucketsTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    [Theory]
    [InlineData(1, "1s", 1)]
    [InlineData(5, "1s", 3)]
    [InlineData(0.5, "1s", 2)]
    [InlineData(5, "10m", 5)]
    public void Each_client_gets_exactly_its_capacity_then_the_client_rate(double rate, string every, int capacity)
    {
        var clock = new ManualTimeProvider(Start);
        var window = Switchyard.Core.Configuration.GoDuration.TryParse(every, out var value, out _) ? value : default;
        var buckets = new ClientBuckets(new RouterRateLimitOptions { ClientMaxRate = rate, ClientCapacity = capacity, Every = window }, clock);

        foreach (var client in new[] { "a", "b" })
        {
            Drain(buckets, client).Should().Be(capacity);
        }

        // One window later each client has the rate back, rounded down to whole requests, never above its capacity.
        clock.Advance(window);
        var expected = (int)Math.Min(capacity, Math.Floor(rate));
        Drain(buckets, "a").Should().Be(expected);
        Drain(buckets, "b").Should().Be(expected);
        Drain(buckets, "c").Should().Be(capacity, "a new client starts full");
    }

    [Fact]
    public void Ten_thousand_distinct_keys_are_held_within_the_bound_and_share_a_limited_bucket_beyond_it()
    {
        var clock = new ManualTimeProvider(Start);
        var buckets = new ClientBuckets(
            new RouterRateLimitOptions { ClientMaxRate = 1, ClientCapacity = 1, NumShards = 16, MaxClients = 1_000 }, clock);

        var admitted = Enumerable.Range(0, 10_000).Count(i => buckets.TryTake("client-" + i));

        buckets.Count.Should().BeLessThanOrEqualTo(1_000);
        buckets.Count.Should().BeGreaterThan(900, "keys spread evenly over the shards");

        // Beyond the bound the keys share one bucket per shard (capacity 1 each): never unlimited.
        admitted.Should().BeLessThanOrEqualTo(buckets.Count + 16);
    }

    [Fact]
    public void Memory_does_not_grow_with_more_keys_beyond_the_bound()
    {
        var clock = new ManualTimeProvider(Start);
        var buckets = new ClientBuckets(
            new RouterRateLimitOptions { ClientMaxRate = 1, ClientCapacity = 1, NumShards = 64, MaxClients = 10_000 }, clock);
        var keys = Enumerable.Range(0, 200_000).Select(i => "attacker-" + i).ToArray();

        foreach (var key in keys.AsSpan(0, 20_000))
        {
            buckets.TryTake(key);
        }

        var afterBound = RetainedBytes();
        foreach (var key in keys.AsSpan(20_000))
        {
            buckets.TryTake(key);
        }

        var afterMore = RetainedBytes();

        buckets.Count.Should().BeLessThanOrEqualTo(10_000);
        (afterMore - afterBound).Should().BeLessThan(
            1_000_000, "180 000 more keys must not be stored (each bucket with its key costs about 100 bytes)");
        GC.KeepAlive(keys);
    }

    [Fact]
    public void Long_keys_are_stored_as_their_digest_and_still_tell_clients_apart()
    {
        var clock = new ManualTimeProvider(Start);
        var buckets = new ClientBuckets(new RouterRateLimitOptions { ClientMaxRate = 1, ClientCapacity = 1, MaxClients = 1_000 }, clock);
        var first = new string('a', 10_000);
        var second = new string('a', 9_999) + "b";

        buckets.TryTake(first).Should().BeTrue();
        buckets.TryTake(new string('a', 10_000)).Should().BeFalse("the same long key is the same client");
        buckets.TryTake(second).Should().BeTrue("another long key is another client");

        var before = RetainedBytes();
        for (var i = 0; i < 500; i++)
        {
            buckets.TryTake(new string('x', 10_000) + i);
        }

        (RetainedBytes() - before).Should().BeLessThan(500 * 1_000, "500 stored keys of 10 000 characters would hold 10 MB");
    }

    [Fact]
    public void A_cleanup_forgets_the_buckets_that_are_full_again_and_only_those()
    {
        var clock = new ManualTimeProvider(Start);
        var buckets = new ClientBuckets(new RouterRateLimitOptions { ClientMaxRate = 1, ClientCapacity = 2 }, clock);
        buckets.TryTake("idle").Should().BeTrue();
        clock.Advance(TimeSpan.FromSeconds(0.5));
        buckets.TryTake("busy").Should().BeTrue();
        buckets.TryTake("busy").Should().BeTrue();

        clock.Advance(TimeSpan.FromSeconds(0.5));
        buckets.Cleanup();

        buckets.Count.Should().Be(1, "'idle' is full again, 'busy' still owes a token");
        buckets.TryTake("busy").Should().BeFalse("forgetting 'idle' must not refill 'busy'");
    }

    [Fact]
    public void A_request_after_the_cleanup_period_starts_a_cleanup()
    {
        var clock = new ManualTimeProvider(Start);
        var buckets = new ClientBuckets(
            new RouterRateLimitOptions { ClientMaxRate = 1, ClientCapacity = 1, CleanupPeriod = TimeSpan.FromMinutes(1) }, clock);
        for (var i = 0; i < 100; i++)
        {
            buckets.TryTake("client-" + i);
        }

        clock.Advance(TimeSpan.FromSeconds(30));
        buckets.TryTake("early");
        buckets.Count.Should().Be(101, "no cleanup before the period");

        clock.Advance(TimeSpan.FromSeconds(31));
        buckets.TryTake("late");

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (buckets.Count > 1 && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(10);
        }

        buckets.Count.Should().Be(1, "only 'late' still owes a token");
    }

    private static long RetainedBytes()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static int Drain(ClientBuckets buckets, string key)
    {
        var admitted = 0;
        while (buckets.TryTake(key))
        {
            admitted++;
            admitted.Should().BeLessThan(100_000, "a bucket must run dry");
        }

        return admitted;
    }
}
