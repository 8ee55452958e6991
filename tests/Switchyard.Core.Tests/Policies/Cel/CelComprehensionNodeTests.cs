using System.Text.Json.Nodes;

namespace Switchyard.Core.Tests.Policies.Cel;

public sealed class CelComprehensionNodeTests
{
    private static readonly Dictionary<string, object?> Variables = new()
    {
        ["x"] = JsonNode.Parse("""{"items": [{"id": 1, "ok": true}, {"id": 2, "ok": false}, {"id": 3}], "tags": {"a": 1, "b": 2}}"""),
    };

    [Theory]
    [InlineData("[1, 2, 3].all(v, v > 0)", true)]
    [InlineData("[1, 2, 3].all(v, v > 1)", false)]
    [InlineData("[].all(v, false)", true)]
    [InlineData("[1, 2, 3].exists(v, v == 2)", true)]
    [InlineData("[].exists(v, true)", false)]
    [InlineData("[1, 2, 3].exists_one(v, v > 2)", true)]
    [InlineData("[1, 2, 3].exists_one(v, v > 1)", false)]
    [InlineData("x.items.exists(i, i.id == 2)", true)]
    [InlineData("x.items.exists(i, i.ok)", true)]
    [InlineData("x.items.all(i, i.id < 10)", true)]
    [InlineData("x.items.all(i, i.ok)", false)]
    [InlineData("x.tags.all(k, k in ['a', 'b'])", true)]
    [InlineData("{'a': 1}.exists(k, k == 'a')", true)]
    [InlineData("[[1, 2], [3]].exists(a, a.exists(b, b == 3))", true)]
    [InlineData("[1, 2].all(v, [3].all(v, v == 3))", true)]
    public void Quantifiers(string expression, bool expected) => Cel.Evaluate(expression, Variables).Should().Be(expected);

    [Fact]
    public void Map_transforms_items() => Cel.Evaluate("[1, 2, 3].map(v, v * 2)").Should().BeEquivalentTo(new object[] { 2L, 4L, 6L });

    [Fact]
    public void Map_with_a_predicate_transforms_the_accepted_items() =>
        Cel.Evaluate("[1, 2, 3].map(v, v != 2, v * 10)").Should().BeEquivalentTo(new object[] { 10L, 30L });

    [Fact]
    public void Filter_keeps_the_accepted_items() =>
        Cel.Evaluate("x.items.filter(i, has(i.ok)).map(i, i.id)", Variables).Should().BeEquivalentTo(new object[] { 1L, 2L });

    [Fact]
    public void Exists_absorbs_errors_once_an_item_matches() =>
        Cel.Evaluate("x.items.exists(i, i.ok)", Variables).Should().Be(true);

    [Theory]
    [InlineData("x.items.all(i, i.ok || i.id == 2)", "no such key: ok")]
    [InlineData("x.items.exists(i, i.ok && i.id == 3)", "no such key: ok")]
    [InlineData("x.items.map(i, i.ok)", "no such key: ok")]
    [InlineData("x.items.exists_one(i, i.ok)", "no such key: ok")]
    [InlineData("x.missing.all(i, true)", "no such key: missing")]
    [InlineData("x.items[0].id.all(i, true)", "expression of type 'int' cannot be the range of a comprehension")]
    public void Errors_without_a_deciding_item_are_the_result(string expression, string message) =>
        Cel.RuntimeError(expression, Variables).Should().Be(message);
}
