namespace Switchyard.Core.Tests.Policies.Cel;

public sealed class CelCollectionFunctionsTests
{
    private static readonly Dictionary<string, object?> Variables = new()
    {
        ["m"] = new Dictionary<string, string> { ["Id"] = "42", ["Name"] = "x" }.AsReadOnly(),
        ["l"] = new List<object?> { 1L, 2L, 3L },
        ["s"] = "héllo \U0001F600",
    };

    [Theory]
    [InlineData("size('abc')", 3L)]
    [InlineData("'abc'.size()", 3L)]
    [InlineData("size(s)", 7L)]
    [InlineData("size(b'abc')", 3L)]
    [InlineData("size([1, 2])", 2L)]
    [InlineData("[].size()", 0L)]
    [InlineData("size({'a': 1})", 1L)]
    [InlineData("size(m)", 2L)]
    [InlineData("l.size()", 3L)]
    public void Size_counts_code_points_items_and_entries(string expression, long expected) =>
        Cel.Evaluate(expression, Variables).Should().Be(expected);

    [Theory]
    [InlineData("l[0]", 1L)]
    [InlineData("l[2]", 3L)]
    [InlineData("[1, 2][dyn(1u)]", 2L)]
    [InlineData("m['Id']", "42")]
    [InlineData("m.Name", "x")]
    [InlineData("{1: 'one'}[1]", "one")]
    [InlineData("{1: 'one'}[dyn(1u)]", "one")]
    [InlineData("{true: 'yes'}[true]", "yes")]
    public void Indexing_and_field_selection(string expression, object expected) =>
        Cel.Evaluate(expression, Variables).Should().Be(expected);

    [Theory]
    [InlineData("l[3]", "index out of bounds: 3")]
    [InlineData("l[-1]", "index out of bounds: -1")]
    [InlineData("m.Missing", "no such key: Missing")]
    [InlineData("m['Missing']", "no such key: Missing")]
    [InlineData("{'a': 1}['b']", "no such key: b")]
    [InlineData("x.field", "type 'int' does not support field selection")]
    [InlineData("x[0]", "no such overload: _[_](int, int)")]
    [InlineData("{'a': 1, 'a': 2}", "Failed with repeated key: a")]
    public void Bad_lookups_are_runtime_errors(string expression, string message) =>
        Cel.RuntimeError(expression, new Dictionary<string, object?>(Variables) { ["x"] = 5L }).Should().Be(message);

    [Theory]
    [InlineData("2 in l", true)]
    [InlineData("5 in l", false)]
    [InlineData("dyn(2.0) in [1, 2]", true)]
    [InlineData("'Id' in m", true)]
    [InlineData("'id' in m", false)]
    [InlineData("'a' in ['a', 'b']", true)]
    [InlineData("'a' in {'a': 1}", true)]
    [InlineData("1 in []", false)]
    public void In_tests_list_items_and_map_keys(string expression, bool expected) =>
        Cel.Evaluate(expression, Variables).Should().Be(expected);

    [Theory]
    [InlineData("has(m.Id)", true)]
    [InlineData("has(m.Missing)", false)]
    [InlineData("has(x.a.b)", true)]
    [InlineData("has(x.a.c)", false)]
    [InlineData("has(x.a) && has(x.a.b)", true)]
    [InlineData("has(x.z) && has(x.z.b)", false)]
    public void Has_tests_presence_without_an_error(string expression, bool expected)
    {
        var nested = System.Text.Json.Nodes.JsonNode.Parse("""{"a": {"b": null}}""");

        Cel.Evaluate(expression, new Dictionary<string, object?>(Variables) { ["x"] = nested }).Should().Be(expected);
    }

    [Fact]
    public void Has_on_a_missing_parent_is_the_parents_error()
    {
        var nested = System.Text.Json.Nodes.JsonNode.Parse("""{"a": {}}""");

        Cel.RuntimeError("has(x.z.b)", new Dictionary<string, object?> { ["x"] = nested }).Should().Be("no such key: z");
    }

    [Fact]
    public void Map_literals_evaluate_to_dictionaries() =>
        Cel.Evaluate("{'a': 1, 'b': [true]}").Should().BeEquivalentTo(new Dictionary<object, object?> { ["a"] = 1L, ["b"] = new List<object?> { true } });
}
