namespace Switchyard.Core.Tests.Policies.Cel;

public sealed class CelArithmeticOperatorsTests
{
    [Theory]
    [InlineData("1 + 2", 3L)]
    [InlineData("5 - 7", -2L)]
    [InlineData("6 * -7", -42L)]
    [InlineData("7 / 2", 3L)]
    [InlineData("-7 / 2", -3L)]
    [InlineData("7 % 3", 1L)]
    [InlineData("-7 % 3", -1L)]
    [InlineData("-(-9223372036854775807)", 9223372036854775807L)]
    [InlineData("9223372036854775806 + 1", long.MaxValue)]
    [InlineData("-9223372036854775807 - 1", long.MinValue)]
    public void Int_arithmetic(string expression, long expected) => Cel.Evaluate(expression).Should().Be(expected);

    [Theory]
    [InlineData("1u + 2u", 3UL)]
    [InlineData("5u - 2u", 3UL)]
    [InlineData("6u * 7u", 42UL)]
    [InlineData("7u / 2u", 3UL)]
    [InlineData("7u % 4u", 3UL)]
    public void Uint_arithmetic(string expression, ulong expected) => Cel.Evaluate(expression).Should().Be(expected);

    [Theory]
    [InlineData("1.5 + 2.25", 3.75)]
    [InlineData("1.5 - 2.0", -0.5)]
    [InlineData("1.5 * 2.0", 3.0)]
    [InlineData("1.0 / 4.0", 0.25)]
    [InlineData("-(2.5)", -2.5)]
    [InlineData("1.0 / 0.0", double.PositiveInfinity)]
    public void Double_arithmetic(string expression, double expected) => Cel.Evaluate(expression).Should().Be(expected);

    [Theory]
    [InlineData("9223372036854775807 + 1", "integer overflow")]
    [InlineData("-9223372036854775807 - 2", "integer overflow")]
    [InlineData("9223372036854775807 * 2", "integer overflow")]
    [InlineData("-9223372036854775808 / -1", "integer overflow")]
    [InlineData("-9223372036854775808 % -1", "integer overflow")]
    [InlineData("-(-9223372036854775808)", "integer overflow")]
    [InlineData("1 / 0", "division by zero")]
    [InlineData("1 % 0", "modulus by zero")]
    [InlineData("1u / 0u", "division by zero")]
    [InlineData("1u % 0u", "modulus by zero")]
    [InlineData("0u - 1u", "unsigned integer overflow")]
    [InlineData("18446744073709551615u + 1u", "unsigned integer overflow")]
    [InlineData("18446744073709551615u * 2u", "unsigned integer overflow")]
    [InlineData("i / 0", "division by zero")]
    public void Overflow_and_division_by_zero_are_runtime_errors(string expression, string message) =>
        Cel.RuntimeError(expression, new Dictionary<string, object?> { ["i"] = 5L }).Should().Be(message);

    [Theory]
    [InlineData("'ab' + 'cd'", "abcd")]
    [InlineData("s + '!'", "hi!")]
    public void Plus_joins_strings(string expression, string expected) =>
        Cel.Evaluate(expression, new Dictionary<string, object?> { ["s"] = "hi" }).Should().Be(expected);

    [Fact]
    public void Plus_joins_lists() => Cel.Evaluate("[1, 2] + [3]").Should().BeEquivalentTo(new object[] { 1L, 2L, 3L });

    [Fact]
    public void Plus_joins_bytes() => Cel.Evaluate("b'a' + b'b'").Should().BeEquivalentTo(new byte[] { 97, 98 });

    [Theory]
    [InlineData("x + 1", "no such overload: _+_(string, int)")]
    [InlineData("x * 2", "no such overload: _*_(string, int)")]
    [InlineData("-x", "no such overload: -_(string)")]
    [InlineData("x % 2", "no such overload: _%_(string, int)")]
    public void Dyn_operands_of_the_wrong_kind_fail_at_run_time(string expression, string message) =>
        Cel.RuntimeError(expression, new Dictionary<string, object?> { ["x"] = "text" }).Should().Be(message);

    [Fact]
    public void Dyn_operands_of_different_numeric_kinds_do_not_mix_in_arithmetic() =>
        Cel.RuntimeError("x + y", new Dictionary<string, object?> { ["x"] = 1L, ["y"] = 1.5 }).Should().Be("no such overload: _+_(int, double)");
}
