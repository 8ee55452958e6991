using static Switchyard.Core.Tests.Templates.Sprig.SprigCall;

namespace Switchyard.Core.Tests.Templates.Sprig;

/// <summary>Sprig's dictionary functions against its documentation.</summary>
public sealed class DictFunctionsTests
{
    [Fact]
    public void Dict_pairs_keys_with_values_and_gives_a_lone_key_the_empty_string() =>
        Call("dict", "name1", "value1", "name2", 2L, "odd").Should().BeEquivalentTo(Map(("name1", "value1"), ("name2", 2L), ("odd", "")));

    [Fact]
    public void Get_gives_the_value_or_the_empty_string()
    {
        var map = Map(("a", 1.0));

        Call("get", map, "a").Should().Be(1.0);
        Call("get", map, "b").Should().Be("");
    }

    [Fact]
    public void Set_and_unset_change_the_map_they_are_given_and_return_it()
    {
        var map = Map(("a", 1L));

        Call("set", map, "b", 2L).Should().BeSameAs(map);
        map.Should().ContainKey("b");
        Call("unset", map, "a").Should().BeSameAs(map);
        map.Should().NotContainKey("a");
    }

    [Fact]
    public void HasKey_pick_and_omit_select_keys()
    {
        var map = Map(("a", 1L), ("b", 2L), ("c", 3L));

        Call("hasKey", map, "a").Should().Be(true);
        Call("hasKey", map, "z").Should().Be(false);
        Call("pick", map, "a", "c", "z").Should().BeEquivalentTo(Map(("a", 1L), ("c", 3L)));
        Call("omit", map, "a", "c").Should().BeEquivalentTo(Map(("b", 2L)));
    }

    [Fact]
    public void Keys_and_values_come_in_sorted_key_order()
    {
        var map = Map(("b", 2L), ("c", 3L), ("a", 1L));

        Call("keys", map).Should().BeEquivalentTo(List("a", "b", "c"), options => options.WithStrictOrdering());
        Call("keys", map, Map(("aa", 0L))).Should().BeEquivalentTo(List("a", "aa", "b", "c"), options => options.WithStrictOrdering());
        Call("values", map).Should().BeEquivalentTo(List(1L, 2L, 3L), options => options.WithStrictOrdering());
    }

    [Fact]
    public void Merge_fills_what_the_destination_lacks_or_leaves_empty_deeply()
    {
        var destination = Map(("default", "default"), ("overwrite", "me"), ("key", true), ("empty", ""), ("nested", Map(("kept", 1.0))));
        var source = Map(("overwrite", "overwritten"), ("key", false), ("empty", "filled"), ("nested", Map(("kept", 2.0), ("added", 3.0))));

        Call("merge", destination, source).Should().BeSameAs(destination);

        destination.Should().BeEquivalentTo(Map(
            ("default", "default"), ("overwrite", "me"), ("key", true), ("empty", "filled"), ("nested", Map(("kept", 1.0), ("added", 3.0)))));
    }

    [Fact]
    public void MergeOverwrite_lets_later_maps_win_even_with_empty_values()
    {
        var destination = Map(("default", "default"), ("overwrite", "me"), ("key", true));
        var source = Map(("overwrite", "overwritten"), ("key", false));

        Call("mergeOverwrite", destination, source);

        destination.Should().BeEquivalentTo(Map(("default", "default"), ("overwrite", "overwritten"), ("key", false)));
    }

    [Fact]
    public void Dig_walks_nested_maps_to_a_value_or_the_default()
    {
        var map = Map(("user", Map(("role", Map(("humanName", "curator"))))));

        Call("dig", "user", "role", "humanName", "guest", map).Should().Be("curator");
        Call("dig", "user", "missing", "humanName", "guest", map).Should().Be("guest");
        Failure("dig", "user", map).Should().Be("dig needs at least three arguments");
        Failure("dig", "user", "role", "humanName", "x", "guest", map)
            .Should().Be("interface conversion: interface {} is string, not map[string]interface {}");
    }
}
