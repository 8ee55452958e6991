using Switchyard.Core.Resilience.HttpCache;
using static Switchyard.Core.Tests.Configuration.ConfigFixtures;

namespace Switchyard.Core.Tests.Configuration.Parsing;

public sealed class HttpCacheOptionsParserTests
{
    [Fact]
    public void The_fields_are_read_under_either_name()
    {
        var backend = LoadValid(ServiceWithBackend("""
            "extra_config": {"github.com/devopsfaith/krakend-httpcache": {"shared": true, "max_items": 10, "max_size": 4096}}
            """)).Endpoints[0].Backends[0];

        backend.HttpCache.Should().BeEquivalentTo(new HttpCacheOptions { Shared = true, MaxItems = 10, MaxSize = 4096 });
    }

    [Fact]
    public void An_empty_namespace_is_a_private_cache_with_the_default_bounds_where_krakend_has_none()
    {
        var cache = LoadValid(ServiceWithBackend("""
            "extra_config": {"qos/http-cache": {}}
            """)).Endpoints[0].Backends[0].HttpCache;

        cache.Should().BeEquivalentTo(new HttpCacheOptions { Shared = false, MaxItems = 1000, MaxSize = 32 * 1024 * 1024 });
    }

    [Fact]
    public void Unknown_keys_and_fractional_sizes_are_errors() =>
        LoadErrors(ServiceWithBackend("""
            "extra_config": {"qos/http-cache": {"max_size": 1500.5, "ttl": "1m"}}
            """)).Should().Equal(
            "endpoints[0].backend[0].extra_config.qos/http-cache.max_size: expected a whole number of bytes, got 1500.5",
            "endpoints[0].backend[0].extra_config.qos/http-cache.ttl: unknown key 'ttl': refused, because it may configure a protection Switchyard does not enforce");
}
