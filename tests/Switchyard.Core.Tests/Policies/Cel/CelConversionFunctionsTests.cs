namespace Switchyard.Core.Tests.Policies.Cel;

public sealed class CelConversionFunctionsTests
{
    [Theory]
    [InlineData("int('42')", 42L)]
    [InlineData("int('-7')", -7L)]
    [InlineData("int(3.9)", 3L)]
    [InlineData("int(-3.9)", -3L)]
    [InlineData("int(5u)", 5L)]
    [InlineData("int(timestamp('1970-01-01T00:01:00Z'))", 60L)]
    [InlineData("uint(5)", 5UL)]
    [InlineData("uint('18446744073709551615')", ulong.MaxValue)]
    [InlineData("uint(2.7)", 2UL)]
    [InlineData("double(2)", 2.0)]
    [InlineData("double('2.5')", 2.5)]
    [InlineData("double(3u)", 3.0)]
    [InlineData("bool('true')", true)]
    [InlineData("bool('f')", false)]
    [InlineData("bool(true)", true)]
    public void Numeric_and_bool_conversions(string expression, object expected) => Cel.Evaluate(expression).Should().Be(expected);

    [Theory]
    [InlineData("string(42)", "42")]
    [InlineData("string(-1)", "-1")]
    [InlineData("string(7u)", "7")]
    [InlineData("string(true)", "true")]
    [InlineData("string(1.5)", "1.5")]
    [InlineData("string(100.0)", "100")]
    [InlineData("string(123456.0)", "123456")]
    [InlineData("string(1234567.0)", "1.234567e+06")]
    [InlineData("string(1e20)", "1e+20")]
    [InlineData("string(0.0001)", "0.0001")]
    [InlineData("string(0.00001)", "1e-05")]
    [InlineData("string(-0.5)", "-0.5")]
    [InlineData("string(0.1 + 0.2)", "0.30000000000000004")]
    [InlineData("string(b'abc')", "abc")]
    [InlineData("string('x')", "x")]
    [InlineData("string(timestamp('2030-01-02T03:04:05.5+01:00'))", "2030-01-02T02:04:05.5Z")]
    [InlineData("string(timestamp('2030-01-02T03:04:05Z'))", "2030-01-02T03:04:05Z")]
    [InlineData("string(duration('1m30s'))", "90s")]
    [InlineData("string(duration('1.5s'))", "1.5s")]
    public void String_conversion_writes_values_as_cel_go_does(string expression, string expected) => Cel.Evaluate(expression).Should().Be(expected);

    [Fact]
    public void Bytes_conversion_encodes_utf8() => Cel.Evaluate("bytes('é')").Should().BeEquivalentTo(new byte[] { 0xc3, 0xa9 });

    [Theory]
    [InlineData("int('abc')", "cannot convert 'abc' to int")]
    [InlineData("int('1.5')", "cannot convert '1.5' to int")]
    [InlineData("int(1e19)", "integer overflow")]
    [InlineData("int(9223372036854775808u)", "integer overflow")]
    [InlineData("uint(-1)", "unsigned integer overflow")]
    [InlineData("uint(-1.0)", "unsigned integer overflow")]
    [InlineData("uint('-1')", "cannot convert '-1' to uint")]
    [InlineData("double('x')", "cannot convert 'x' to double")]
    [InlineData("bool('yes')", "cannot convert 'yes' to bool")]
    [InlineData("string(b'\\xff')", "invalid UTF-8 in bytes, cannot convert to string")]
    public void Failed_conversions_are_runtime_errors(string expression, string message) => Cel.RuntimeError(expression).Should().Be(message);

    [Fact]
    public void Dyn_hides_the_static_type_until_run_time() =>
        Cel.RuntimeError("dyn('a') + 1").Should().Be("no such overload: _+_(string, int)");
}
