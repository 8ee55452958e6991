namespace Switchyard.Core.Tests.Policies.Cel;

public sealed class CelStringFunctionsTests
{
    [Theory]
    [InlineData("'/v1/users'.startsWith('/v1/')", true)]
    [InlineData("'/v2/users'.startsWith('/v1/')", false)]
    [InlineData("'report.pdf'.endsWith('.pdf')", true)]
    [InlineData("'report.PDF'.endsWith('.pdf')", false)]
    [InlineData("'hello world'.contains('o w')", true)]
    [InlineData("'hello'.contains('')", true)]
    [InlineData("'hello'.contains('z')", false)]
    [InlineData("'123'.matches('^[0-9]+$')", true)]
    [InlineData("'12a'.matches('^[0-9]+$')", false)]
    [InlineData("matches('abc', 'b')", true)]
    [InlineData("'abc'.matches('B')", false)]
    [InlineData("'abc'.matches('(?i)B')", true)]
    [InlineData("'x-42'.matches(s)", true)]
    public void String_predicates(string expression, bool expected) =>
        Cel.Evaluate(expression, new Dictionary<string, object?> { ["s"] = "^x-(?P<n>\\d+)$" }).Should().Be(expected);

    [Theory]
    [InlineData("'MiXeD é'.lowerAscii()", "mixed é")]
    [InlineData("'MiXeD é'.upperAscii()", "MIXED é")]
    public void Ascii_case_mapping_leaves_other_letters_alone(string expression, string expected) =>
        Cel.Evaluate(expression).Should().Be(expected);

    [Theory]
    [InlineData("x.startsWith('a')", "no such overload: startsWith(int, string)")]
    [InlineData("x.matches('a')", "no such overload: matches(int, string)")]
    [InlineData("'a'.matches(y)", "invalid regular expression '('")]
    public void Dyn_misuse_fails_at_run_time(string expression, string message) =>
        Cel.RuntimeError(expression, new Dictionary<string, object?> { ["x"] = 1L, ["y"] = "(" }).Should().StartWith(message);
}
