using Switchyard.Core.Configuration;
using static Switchyard.Core.Tests.Configuration.ConfigFixtures;

namespace Switchyard.Core.Tests.Configuration.Parsing;

public sealed class FlatmapFilterParserTests
{
    [Fact]
    public void Operations_are_read_in_order()
    {
        var operations = LoadValid(Service("""
            {"endpoint": "/e", "backend": [{"url_pattern": "/a"}, {"url_pattern": "/b"}],
             "extra_config": {"proxy": {"flatmap_filter": [
               {"type": "move", "args": ["a.*.b", "c"]}, {"type": "del", "args": ["d"]}, {"type": "append", "args": ["e", "f"]}]}}}
            """)).Endpoints[0].Proxy.FlatmapFilter;

        operations.Should().BeEquivalentTo(
            new[] { new FlatmapOperation("move", ["a.*.b", "c"]), new FlatmapOperation("del", ["d"]), new FlatmapOperation("append", ["e", "f"]) },
            options => options.WithStrictOrdering());
    }

    [Fact]
    public void Malformed_entries_and_unknown_entry_keys_are_errors()
    {
        var result = ConfigLoader.Parse(ServiceWithBackend("""
            "extra_config": {"proxy": {"flatmap_filter": ["del", {"type": "del", "args": ["a"], "why": "x"}]}}
            """));

        result.Errors.Select(e => e.ToString()).Should().Equal(
            "endpoints[0].backend[0].extra_config.proxy.flatmap_filter[0]: expected an object, got string \"del\"",
            "endpoints[0].backend[0].extra_config.proxy.flatmap_filter[1].why: unknown key 'why': refused, because it may configure a "
                + "protection Switchyard does not enforce");
    }

    [Fact]
    public void A_flatmap_filter_that_is_not_an_array_is_an_error()
    {
        LoadErrors(ServiceWithBackend("""
            "extra_config": {"proxy": {"flatmap_filter": {"type": "del"}}}
            """)).Should().Equal(
            "endpoints[0].backend[0].extra_config.proxy.flatmap_filter: expected an array of operations, got object");
    }
}
