using System.Text.Json;
using Switchyard.Core.Schemas;

namespace Switchyard.Core.Tests.Schemas;

public sealed class RequestSchemaTests
{
    private const string Address = """
        {"type": "object", "required": ["number", "street_name", "street_type"],
         "properties": {"number": {"type": "number"}, "street_name": {"type": "string"},
                        "street_type": {"type": "string", "enum": ["Street", "Avenue", "Boulevard"]}}}
        """;

    [Fact]
    public void A_body_that_satisfies_the_schema_passes()
    {
        Compile(Address).Check(Utf8("""{"number": 7, "street_name": "Main", "street_type": "Avenue"}""")).Should().BeNull();
    }

    [Fact]
    public void Each_broken_rule_is_a_line_with_its_instance_location_and_a_400()
    {
        var error = Compile(Address).Check(Utf8("""{"number": "7", "street_name": "Main", "street_type": "Lane"}"""))!;

        error.StatusCode.Should().Be(400);
        error.RejectsInput.Should().BeTrue();
        error.Message.Split('\n').Should().Equal(
            "- at '/number': Value is \"string\" but should be \"number\"",
            "- at '/street_type': Value should match one of the values specified by the enum");
    }

    [Fact]
    public void Missing_properties_are_reported_at_the_root()
    {
        Compile(Address).Check(Utf8("""{"invalid": true}"""))!.Message
            .Should().Be("- at '': Required properties [\"number\",\"street_name\",\"street_type\"] are not present");
    }

    [Fact]
    public void An_empty_body_cannot_be_validated()
    {
        var error = Compile("""{"type": "object"}""").Check(ReadOnlyMemory<byte>.Empty)!;

        error.Message.Should().Be(RequestSchema.EmptyBodyMessage).And.Be("could not validate an empty body");
        error.StatusCode.Should().Be(400);
    }

    [Fact]
    public void A_body_that_is_not_JSON_is_a_400_with_the_parser_s_words()
    {
        var error = Compile("true").Check(Utf8("{\"number\": 7"))!;

        error.StatusCode.Should().Be(400);
        error.RejectsInput.Should().BeTrue();
        error.Message.Should().NotBeNullOrEmpty();
    }

    [Theory]
    // 2019-09: an array `items` checks positions, `additionalItems` the rest.
    [InlineData("https://json-schema.org/draft/2019-09/schema", """{"items": [{"type": "string"}], "additionalItems": false}""", """["a"]""", """["a", 1]""")]
    // 2020-12: positions are `prefixItems`, `items` the rest.
    [InlineData("https://json-schema.org/draft/2020-12/schema", """{"prefixItems": [{"type": "string"}], "items": false}""", """["a"]""", """["a", 1]""")]
    // Draft 07: `dependencies` is a keyword there (2020-12 ignores it as unknown).
    [InlineData("http://json-schema.org/draft-07/schema#", """{"dependencies": {"a": ["b"]}}""", """{"a": 1, "b": 2}""", """{"a": 1}""")]
    public void Each_declared_draft_validates_with_its_own_keywords(string draft, string keywords, string valid, string invalid)
    {
        var schema = Compile($$"""{"$schema": "{{draft}}", {{keywords[1..]}}""");

        schema.Check(Utf8(valid)).Should().BeNull();
        schema.Check(Utf8(invalid)).Should().NotBeNull();
    }

    [Fact]
    public void Without_schema_the_draft_is_2020_12()
    {
        // 2020-12 refuses the 2019-09 form of `items`, and reads `prefixItems`.
        Compiles("""{"items": [{"type": "string"}]}""").Should().BeFalse();
        Compile("""{"prefixItems": [{"type": "string"}]}""").Check(Utf8("[1]")).Should().NotBeNull();
    }

    [Fact]
    public void The_2019_09_draft_keeps_its_semantics_where_2020_12_differs()
    {
        const string draft = "https://json-schema.org/draft/2019-09/schema";
        var schema = Compile($$"""{"$schema": "{{draft}}", "items": [{"type": "string"}]}""");

        schema.Check(Utf8("""["a", 1]""")).Should().BeNull("an array `items` only checks the first position in 2019-09");
        schema.Check(Utf8("""[1]""")).Should().NotBeNull();
        Compiles("""{"$schema": "https://json-schema.org/draft/2020-12/schema", "items": [{"type": "string"}]}""").Should().BeFalse();
    }

    [Theory]
    [InlineData("http://json-schema.org/draft-06/schema#", false)]
    [InlineData("http://json-schema.org/draft-07/schema#", false)]
    [InlineData("https://json-schema.org/draft/2019-09/schema", true)]
    [InlineData("https://json-schema.org/draft/2020-12/schema", true)]
    public void Format_is_a_rule_up_to_draft_07_and_an_annotation_from_2019_09(string draft, bool passes)
    {
        var schema = Compile($$"""{"$schema": "{{draft}}", "format": "email"}""");

        (schema.Check(Utf8("\"not an address\"")) is null).Should().Be(passes);
        schema.Check(Utf8("\"ana@example.com\"")).Should().BeNull();
    }

    [Fact]
    public void Two_schemas_with_the_same_id_stay_apart()
    {
        var strings = Compile("""{"$id": "https://example.com/thing", "type": "string"}""");
        var numbers = Compile("""{"$id": "https://example.com/thing", "type": "number"}""");

        strings.Check(Utf8("\"a\"")).Should().BeNull();
        numbers.Check(Utf8("\"a\"")).Should().NotBeNull();
    }

    [Fact]
    public void A_local_ref_resolves()
    {
        var schema = Compile("""{"$defs": {"id": {"type": "integer"}}, "properties": {"id": {"$ref": "#/$defs/id"}}}""");

        schema.Check(Utf8("""{"id": 3}""")).Should().BeNull();
        schema.Check(Utf8("""{"id": "3"}"""))!.Message.Should().StartWith("- at '/id': ");
    }

    [Fact]
    public void A_recursive_schema_compiles_and_checks_every_level()
    {
        var schema = Compile("""{"type": "object", "properties": {"name": {"type": "string"}, "children": {"type": "array", "items": {"$ref": "#"}}}}""");

        schema.Check(Utf8("""{"name": "a", "children": [{"name": "b", "children": [{"name": "c"}]}]}""")).Should().BeNull();
        schema.Check(Utf8("""{"name": "a", "children": [{"name": "b", "children": [{"name": 3}]}]}"""))!.Message
            .Should().Be("- at '/children/0/children/0/name': Value is \"integer\" but should be \"string\"");
    }

    private static RequestSchema Compile(string schema)
    {
        var compiled = RequestSchema.Compile(JsonDocument.Parse(schema).RootElement, out var problem, out _);
        problem.Should().BeNull();
        return compiled!;
    }

    private static bool Compiles(string schema) => RequestSchema.Compile(JsonDocument.Parse(schema).RootElement, out _, out _) is not null;

    private static byte[] Utf8(string text) => System.Text.Encoding.UTF8.GetBytes(text);
}
