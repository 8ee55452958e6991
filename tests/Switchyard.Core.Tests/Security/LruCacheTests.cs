using Switchyard.Core.Security;

namespace Switchyard.Core.Tests.Security;

public sealed class LruCacheTests
{
    [Fact]
    public void The_least_recently_used_entry_makes_room()
    {
        var cache = new LruCache<bool>(2);
        cache.Add("a", true);
        cache.Add("b", false);
        cache.TryGet("a", out _).Should().BeTrue(); // "b" is now the oldest

        cache.Add("c", true);

        cache.TryGet("b", out _).Should().BeFalse();
        cache.TryGet("a", out var a).Should().BeTrue();
        a.Should().BeTrue();
        cache.TryGet("c", out var c).Should().BeTrue();
        c.Should().BeTrue();
        cache.Count.Should().Be(2);
    }

    [Fact]
    public void Adding_a_known_key_replaces_its_value()
    {
        var cache = new LruCache<bool>(2);
        cache.Add("a", true);
        cache.Add("a", false);

        cache.Count.Should().Be(1);
        cache.TryGet("a", out var isBot).Should().BeTrue();
        isBot.Should().BeFalse();
    }

    [Fact]
    public void A_weight_bound_evicts_the_oldest_entries_until_the_new_one_fits()
    {
        var cache = new LruCache<string>(10, maxWeight: 10, weigh: value => value.Length);
        cache.Add("a", "aaaa").Should().BeTrue();
        cache.Add("b", "bbbb").Should().BeTrue();

        cache.Add("c", "cccccc").Should().BeTrue();

        cache.TryGet("a", out _).Should().BeFalse("4 + 4 + 6 outweighs 10: the oldest made room");
        cache.TryGet("b", out _).Should().BeTrue();
        cache.Weight.Should().Be(10);
    }

    [Fact]
    public void A_value_heavier_than_the_whole_cache_is_never_kept_and_drops_its_key()
    {
        var cache = new LruCache<string>(10, maxWeight: 10, weigh: value => value.Length);
        cache.Add("a", "aaaa");

        cache.Add("a", new string('x', 11)).Should().BeFalse();

        cache.TryGet("a", out _).Should().BeFalse("the old value is out of date once a new one was given");
        cache.Weight.Should().Be(0);
    }

    [Fact]
    public async Task Concurrent_use_keeps_the_bound()
    {
        var cache = new LruCache<bool>(16);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(worker => Task.Run(() =>
        {
            for (var i = 0; i < 5_000; i++)
            {
                var key = $"ua-{(i * 7 + worker) % 100}";
                if (!cache.TryGet(key, out _))
                {
                    cache.Add(key, i % 2 == 0);
                }
            }
        })));

        cache.Count.Should().Be(16);
    }
}
