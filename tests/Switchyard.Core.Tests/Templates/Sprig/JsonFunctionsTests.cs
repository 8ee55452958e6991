using static Switchyard.Core.Tests.Templates.Sprig.SprigCall;

namespace Switchyard.Core.Tests.Templates.Sprig;

/// <summary>toJson and fromJson: Go's encoding/json over the template value model.</summary>
public sealed class JsonFunctionsTests
{
    public static TheoryData<object?, string> Marshalled => new()
    {
        { null, "null" },
        { true, "true" },
        { 8080L, "8080" },
        { 8080.0, "8080" },
        { 0.5, "0.5" },
        { -1.25, "-1.25" },
        { 1e20, "100000000000000000000" },
        { 1e21, "1e+21" },
        { 0.000001, "0.000001" },
        { 1e-7, "1e-7" },
        { 1.5e-10, "1.5e-10" },
        { 123456789.0, "123456789" },
        { "<a href=\"x\">&</a>", "\"\\u003ca href=\\\"x\\\"\\u003e\\u0026\\u003c/a\\u003e\"" },
        { "tab\tnew\nline\u0001\u2028", "\"tab\\tnew\\nline\\u0001\\u2028\"" },
        { "é😀", "\"é😀\"" },
        { List(1L, "a", null), "[1,\"a\",null]" },
        { Map(("b", 1.0), ("a", List()), ("c", Map())), "{\"a\":[],\"b\":1,\"c\":{}}" },
    };

    [Theory]
    [MemberData(nameof(Marshalled))]
    public void ToJson_writes_what_go_json_marshal_writes(object? value, string json) => Call("toJson", value).Should().Be(json);

    [Fact]
    public void ToPrettyJson_indents_by_two_spaces_and_keeps_empty_containers_short() =>
        Call("toPrettyJson", Map(("b", List(1L, 2L)), ("a", Map()), ("c", List()))).Should().Be(
            "{\n  \"a\": {},\n  \"b\": [\n    1,\n    2\n  ],\n  \"c\": []\n}");

    [Fact]
    public void A_value_json_cannot_hold_gives_the_empty_string_as_sprig_does()
    {
        Call("toJson", double.NaN).Should().Be("");
        Failure("mustToJson", double.PositiveInfinity).Should().StartWith("json: unsupported value");
    }

    [Fact]
    public void A_map_that_holds_itself_fails_instead_of_exhausting_the_stack()
    {
        var map = Map();
        map["self"] = map;

        Call("toJson", map).Should().Be("");
    }

    [Fact]
    public void FromJson_reads_numbers_as_float64_and_bad_json_as_nil()
    {
        Call("fromJson", """{"port": 8080, "hosts": ["a"], "on": true, "none": null}""")
            .Should().BeEquivalentTo(Map(("port", 8080.0), ("hosts", List("a")), ("on", true), ("none", null)));
        Call("fromJson", "{nope").Should().BeNull();
        Failure("mustFromJson", "{nope").Should().NotBeEmpty();
    }
}
