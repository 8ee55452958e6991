namespace Switchyard.Core.Tests.Policies.Cel;

public sealed class CelComparisonOperatorsTests
{
    [Theory]
    [InlineData("1 == 1", true)]
    [InlineData("1 != 1", false)]
    [InlineData("'a' == 'a'", true)]
    [InlineData("'a' == 'A'", false)]
    [InlineData("1 == 1.0", true)]
    [InlineData("1u == 1", true)]
    [InlineData("1u == 1.5", false)]
    [InlineData("-1 == 18446744073709551615u", false)]
    [InlineData("[1, 'a'] == [1, 'a']", true)]
    [InlineData("[1, 2] == [2, 1]", false)]
    [InlineData("{'a': 1, 'b': 2} == {'b': 2, 'a': 1}", true)]
    [InlineData("{'a': 1} == {'a': 2}", false)]
    [InlineData("null == null", true)]
    [InlineData("b'ab' == b'ab'", true)]
    [InlineData("x == 'a'", false)]
    [InlineData("x == null", false)]
    [InlineData("x != 'a'", true)]
    [InlineData("timestamp('2024-01-01T00:00:00Z') == timestamp('2024-01-01T01:00:00+01:00')", true)]
    [InlineData("duration('1h') == duration('60m')", true)]
    public void Equality(string expression, bool expected) =>
        Cel.Evaluate(expression, new Dictionary<string, object?> { ["x"] = 3L }).Should().Be(expected);

    [Theory]
    [InlineData("1 < 2", true)]
    [InlineData("2 <= 2", true)]
    [InlineData("3 > 2", true)]
    [InlineData("2 >= 3", false)]
    [InlineData("1 < 1.5", true)]
    [InlineData("2u > 1", true)]
    [InlineData("-1 < 0u", true)]
    [InlineData("9223372036854775807 < 9223372036854775808u", true)]
    [InlineData("'abc' < 'abd'", true)]
    [InlineData("'b' > 'abc'", true)]
    [InlineData("b'a' < b'b'", true)]
    [InlineData("false < true", true)]
    [InlineData("timestamp('2024-01-01T00:00:00Z') < timestamp('2030-01-01T00:00:00Z')", true)]
    [InlineData("duration('1s') > duration('999ms')", true)]
    [InlineData("0.0 / 0.0 < 1.0", false)]
    [InlineData("0.0 / 0.0 >= 1.0", false)]
    [InlineData("0.0 / 0.0 == 0.0 / 0.0", false)]
    public void Ordering(string expression, bool expected) => Cel.Evaluate(expression).Should().Be(expected);

    [Fact]
    public void Ordering_dyn_values_of_unrelated_types_is_a_runtime_error() =>
        Cel.RuntimeError("x < y", new Dictionary<string, object?> { ["x"] = "a", ["y"] = 1L }).Should().Be("no such overload: _<_(string, int)");

    [Fact]
    public void Json_numbers_compare_with_int_literals()
    {
        var data = System.Text.Json.Nodes.JsonNode.Parse("""{"age": 18, "score": 17.5, "whole": 18.0}""");

        Cel.Evaluate("m.age >= 18 && m.score < 18 && m.whole == 18 && m.whole + 1 == 19", new Dictionary<string, object?> { ["m"] = data }).Should().Be(true);
    }
}
