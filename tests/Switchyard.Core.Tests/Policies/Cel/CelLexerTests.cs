using Switchyard.Core.Policies.Cel;

namespace Switchyard.Core.Tests.Policies.Cel;

public sealed class CelLexerTests
{
    [Theory]
    [InlineData("42", 42L)]
    [InlineData("0", 0L)]
    [InlineData("0x2A", 42L)]
    [InlineData("0XfF", 255L)]
    [InlineData("9223372036854775807", long.MaxValue)]
    [InlineData("-9223372036854775808", long.MinValue)]
    [InlineData("-0x10", -16L)]
    public void Int_literals_are_read(string text, long expected) => Cel.Evaluate(text).Should().Be(expected);

    [Theory]
    [InlineData("1u", 1UL)]
    [InlineData("0x10u", 16UL)]
    [InlineData("18446744073709551615u", ulong.MaxValue)]
    public void Uint_literals_are_read(string text, ulong expected) => Cel.Evaluate(text).Should().Be(expected);

    [Theory]
    [InlineData("1.5", 1.5)]
    [InlineData(".5", 0.5)]
    [InlineData("1e3", 1000.0)]
    [InlineData("2.5E-3", 0.0025)]
    [InlineData("1e+2", 100.0)]
    [InlineData("-1.25", -1.25)]
    public void Double_literals_are_read(string text, double expected) => Cel.Evaluate(text).Should().Be(expected);

    [Theory]
    [InlineData("'abc'", "abc")]
    [InlineData("\"abc\"", "abc")]
    [InlineData("'it\\'s'", "it's")]
    [InlineData("\"say \\\"hi\\\"\"", "say \"hi\"")]
    [InlineData("'a\\nb\\tc'", "a\nb\tc")]
    [InlineData("'\\a\\b\\f\\v\\r\\\\\\?\\`'", "\a\b\f\v\r\\?`")]
    [InlineData("'\\x41\\101\\u00e9\\U0001F600'", "AAé\U0001F600")]
    [InlineData("r'a\\nb'", "a\\nb")]
    [InlineData("R\"\\d+\"", "\\d+")]
    [InlineData("'''one\ntwo'''", "one\ntwo")]
    [InlineData("\"\"\"has \"quotes\" inside\"\"\"", "has \"quotes\" inside")]
    [InlineData("'''it's'''", "it's")]
    [InlineData("''", "")]
    [InlineData("'héllo'", "héllo")]
    public void String_literals_are_decoded(string text, string expected) => Cel.Evaluate(text).Should().Be(expected);

    [Theory]
    [InlineData("b'abc'", new byte[] { 97, 98, 99 })]
    [InlineData("b'\\xff\\000'", new byte[] { 255, 0 })]
    [InlineData("b'é'", new byte[] { 0xc3, 0xa9 })]
    [InlineData("rb'\\x'", new byte[] { 92, 120 })]
    [InlineData("BR'a'", new byte[] { 97 })]
    public void Bytes_literals_are_decoded(string text, byte[] expected) => Cel.Evaluate(text).Should().BeEquivalentTo(expected);

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    public void Bool_literals_are_read(string text, bool expected) => Cel.Evaluate(text).Should().Be(expected);

    [Fact]
    public void Null_literal_is_read() => Cel.Evaluate("null").Should().BeNull();

    [Fact]
    public void Comments_and_line_breaks_are_blank() => Cel.Evaluate("1 + // one\n\t2 // two").Should().Be(3L);

    [Theory]
    [InlineData("'abc", 1, "unterminated string literal")]
    [InlineData("1 == \"abc", 6, "unterminated string literal")]
    [InlineData("'ab\ncd'", 1, "unterminated string literal")]
    [InlineData("r'abc", 1, "unterminated string literal")]
    [InlineData("'''abc''", 1, "unterminated string literal")]
    [InlineData("'\\q'", 2, "invalid escape sequence '\\q'")]
    [InlineData("'\\x4'", 2, "invalid escape sequence")]
    [InlineData("'\\uD800'", 2, "invalid escape sequence")]
    [InlineData("'\\400'", 2, "invalid escape sequence")]
    [InlineData("1 & 2", 3, "token recognition error at: '&'")]
    [InlineData("a = 1", 3, "token recognition error at: '='")]
    [InlineData("#", 1, "token recognition error at: '#'")]
    [InlineData("9223372036854775808", 1, "invalid int literal")]
    [InlineData("-9223372036854775809", 1, "invalid int literal")]
    [InlineData("18446744073709551616u", 1, "invalid uint literal")]
    [InlineData("0x", 1, "invalid hex literal")]
    [InlineData("while", 1, "reserved identifier: while")]
    [InlineData("1 + package", 5, "reserved identifier: package")]
    public void Lexical_errors_are_syntax_errors_with_a_column(string expression, int column, string message)
    {
        var error = Cel.CompileError(expression);

        error.Column.Should().Be(column);
        error.Message.Should().StartWith("Syntax error: ").And.Contain(message);
    }

    [Fact]
    public void Tokens_carry_their_offsets()
    {
        var tokens = CelLexer.Tokenize("a.b >= 'x'");

        tokens.Select(static t => (t.Kind, t.Position)).Should().Equal(
            (CelTokenKind.Identifier, 0),
            (CelTokenKind.Dot, 1),
            (CelTokenKind.Identifier, 2),
            (CelTokenKind.GreaterEqual, 4),
            (CelTokenKind.StringLiteral, 7),
            (CelTokenKind.End, 10));
    }

    [Fact]
    public void A_word_that_only_starts_like_a_prefix_is_an_identifier_before_a_string()
    {
        var tokens = CelLexer.Tokenize("rx'a'");

        tokens.Select(static t => t.Kind).Should().Equal(CelTokenKind.Identifier, CelTokenKind.StringLiteral, CelTokenKind.End);
    }
}
