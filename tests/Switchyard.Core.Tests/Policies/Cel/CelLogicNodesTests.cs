namespace Switchyard.Core.Tests.Policies.Cel;

public sealed class CelLogicNodesTests
{
    private static readonly Dictionary<string, object?> Variables = new() { ["m"] = new Dictionary<string, string>().AsReadOnly(), ["x"] = 1L };

    [Theory]
    [InlineData("true && true", true)]
    [InlineData("true && false", false)]
    [InlineData("false || true", true)]
    [InlineData("false || false", false)]
    [InlineData("false && m.missing == 'a'", false)]
    [InlineData("m.missing == 'a' && false", false)]
    [InlineData("true || m.missing == 'a'", true)]
    [InlineData("m.missing == 'a' || true", true)]
    [InlineData("1 / 0 == 1 || 2 > 1", true)]
    [InlineData("x == 'a' || true", true)]
    [InlineData("false && x", false)]
    [InlineData("true ? true : 1 / 0 == 1", true)]
    [InlineData("false ? 1 / 0 == 1 : false", false)]
    [InlineData("!(1 > 2)", true)]
    public void Logic_is_commutative_on_errors(string expression, bool expected) =>
        Cel.Evaluate(expression, Variables).Should().Be(expected);

    [Theory]
    [InlineData("true && m.missing == 'a'", "no such key: missing")]
    [InlineData("m.missing == 'a' && true", "no such key: missing")]
    [InlineData("false || 1 / 0 == 1", "division by zero")]
    [InlineData("m.a == 'a' || 1 / 0 == 1", "no such key: a")]
    [InlineData("true && x", "no such overload: _&&_(bool, int)")]
    [InlineData("x || false", "no such overload: _||_(int, bool)")]
    [InlineData("!x", "no such overload: !_(int)")]
    [InlineData("x ? 1 : 2", "no such overload: _?_:_(int)")]
    [InlineData("m.a == 'a' ? 1 : 2", "no such key: a")]
    public void Undecided_logic_keeps_the_error(string expression, string message) =>
        Cel.RuntimeError(expression, Variables).Should().Be(message);

    [Fact]
    public void The_right_side_is_not_evaluated_when_the_left_decides()
    {
        var activation = new CelTestActivation(new Dictionary<string, object?> { ["b"] = false, ["s"] = "x" });

        Cel.Compile("b && s == 'x'").Evaluate(activation).Should().Be(false);

        activation.Resolutions.Should().ContainKey("b").And.NotContainKey("s");
    }
}
