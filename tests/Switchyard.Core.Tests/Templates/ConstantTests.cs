namespace Switchyard.Core.Tests.Templates;

/// <summary>Number, character, string, boolean and nil constants, after Go's parse and exec tests.</summary>
public sealed class ConstantTests
{
    [Theory]
    [InlineData("integer", "{{1}}", "1")]
    [InlineData("negative", "{{-12}}", "-12")]
    [InlineData("plus sign", "{{+7}}", "7")]
    [InlineData("hex", "{{0x1F}}", "31")]
    [InlineData("hex with E digit stays an integer", "{{0x1E}}", "30")]
    [InlineData("octal with 0o", "{{0o17}}", "15")]
    [InlineData("octal with leading zero", "{{017}}", "15")]
    [InlineData("binary", "{{0b101}}", "5")]
    [InlineData("underscores", "{{1_000_000}}", "1000000")]
    [InlineData("underscore after prefix", "{{0x_ff}}", "255")]
    [InlineData("float", "{{1.5}}", "1.5")]
    [InlineData("integral float prints as integer", "{{1.0}}", "1")]
    [InlineData("exponent", "{{1e3}}", "1000")]
    [InlineData("float 1e6 prints as Go does", "{{1e6}}", "1e+06")]
    [InlineData("leading point", "{{.5}}", "0.5")]
    [InlineData("hex float", "{{0x1p4}}", "16")]
    [InlineData("hex float with fraction and sign", "{{+0x1.ep+2}}", "7.5")]
    [InlineData("hex float with underscores", "{{0x_1.e_0p+0_2}}", "7.5")]
    [InlineData("upper-case prefixes", "{{0B101}} {{0O377}} {{0X123ABC}}", "5 255 1194684")]
    [InlineData("float with underscores", "{{0_0_1_2_3.4}} {{7.5_00_00_00}}", "123.4 7.5")]
    [InlineData("hex with e digits is an int", "{{printf \"%T\" 0xef}}", "int")]
    [InlineData("integer constants are ints", "{{printf \"%T\" 1}}", "int")]
    [InlineData("float constants are float64", "{{printf \"%T\" 1.0}}", "float64")]
    [InlineData("character", "{{'a'}}", "97")]
    [InlineData("character escape", "{{'\\n'}}", "10")]
    [InlineData("character unicode escape", "{{'\\u00e9'}}", "233")]
    [InlineData("character quote", "{{'\\''}}", "39")]
    [InlineData("string escapes", "{{\"a\\tb\\\\c\\\"d\"}}", "a\tb\\c\"d")]
    [InlineData("string hex and octal escapes", "{{\"\\x41\\101\"}}", "AA")]
    [InlineData("string unicode escapes", "{{\"\\u00e9\\U0001F600\"}}", "é😀")]
    [InlineData("raw string keeps backslashes", "{{`a\\nb`}}", "a\\nb")]
    [InlineData("raw string spans lines", "{{`a\nb`}}", "a\nb")]
    [InlineData("true", "{{true}}", "true")]
    [InlineData("false", "{{false}}", "false")]
    [InlineData("nil as argument", "{{print nil}}", "<nil>")]
    public void Constants_read_as_in_go(string name, string template, string expected)
    {
        TemplateRun.Render(template).Should().Be(expected, name);
    }

    [Theory]
    [InlineData("imaginary", "{{1i}}", "t:1:3: complex constant \"1i\" is not supported")]
    [InlineData("imaginary without digits", "{{0xi}}", "t:1:3: illegal number syntax: \"0xi\"")]
    [InlineData("complex", "{{1+2i}}", "t:1:3: bad number syntax: \"1+2i\"")]
    [InlineData("letters after digits", "{{1a}}", "t:1:3: bad number syntax: \"1a\"")]
    [InlineData("prefix without digits", "{{0x}}", "t:1:3: illegal number syntax: \"0x\"")]
    [InlineData("double underscore", "{{1__0}}", "t:1:3: illegal number syntax: \"1__0\"")]
    [InlineData("too large", "{{99999999999999999999}}", "t:1:3: integer overflow: \"99999999999999999999\"")]
    [InlineData("bad string escape", "{{\"\\q\"}}", "t:1:3: invalid syntax")]
    [InlineData("two characters", "{{'ab'}}", "t:1:3: malformed character constant: 'ab'")]
    [InlineData("unterminated string", "{{\"abc}}", "t:1:3: unterminated quoted string")]
    [InlineData("unterminated raw string", "{{`abc}}", "t:1:3: unterminated raw quoted string")]
    [InlineData("unterminated character", "{{'a}}", "t:1:3: unterminated character constant")]
    [InlineData("field of a constant", "{{\"s\".a}}", "t:1:3: unexpected . after term \"\\\"s\\\"\"")]
    [InlineData("constant in a later pipeline stage", "{{.a | 1}}", "t:1:8: non executable command in pipeline stage 2")]
    public void Malformed_constants_are_parse_errors(string name, string template, string expected)
    {
        TemplateRun.Error(template).Message.Should().Be(expected, name);
    }

    [Fact]
    public void An_integer_beyond_int_fails_when_used()
    {
        TemplateRun.Error("{{18446744073709551615}}").Message
            .Should().Be("t:1:3: executing \"t\" at <18446744073709551615>: 18446744073709551615 overflows int");
    }
}
