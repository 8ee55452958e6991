using Switchyard.Templates;

namespace Switchyard.Core.Tests.Templates;

/// <summary>Every error names the file, the 1-based line and column of the token at fault, and Go's words.</summary>
public sealed class ErrorPositionTests
{
    [Theory]
    [InlineData("unknown function", "{\n  \"a\": {{ foo .x }}\n}", "krakend.tmpl:2:11: function \"foo\" not defined")]
    [InlineData("unclosed action at end of file", "{\n  \"a\": {{ .x \n", "krakend.tmpl:2:8: unclosed action")]
    [InlineData("stray closing brace", "a\n  {{ .a }\nmore", "krakend.tmpl:2:9: unexpected \"}\" in operand")]
    [InlineData("unclosed left paren", "{{ (len .a }}", "krakend.tmpl:1:4: unclosed left paren")]
    [InlineData("unexpected right paren", "{{ len .a) }}", "krakend.tmpl:1:10: unexpected right paren")]
    [InlineData("missing end", "{{ range .a }}\n  x\n", "krakend.tmpl:3:1: unexpected EOF: the {{range}} at 1:1 has no {{end}}")]
    [InlineData("unexpected else", "a\n\n   {{ else }}", "krakend.tmpl:3:4: unexpected {{else}}")]
    [InlineData("undefined variable", "{{ $a := 1 }}\n{{ $b }}", "krakend.tmpl:2:4: undefined variable \"$b\"")]
    [InlineData("bad number", "x {{ 0x1g }}", "krakend.tmpl:1:6: bad number syntax: \"0x1g\"")]
    [InlineData("unrecognized character", "{{ .a ^ }}", "krakend.tmpl:1:7: unexpected \"^\" in operand")]
    [InlineData("character outside ASCII", "{{ .a € }}", "krakend.tmpl:1:7: unrecognized character in action: U+20AC '€'")]
    [InlineData("colon without equals", "{{ .x : 1 }}", "krakend.tmpl:1:7: expected :=")]
    [InlineData("empty action", "{{ }}", "krakend.tmpl:1:4: missing value for command")]
    [InlineData("empty parentheses", "{{ print () }}", "krakend.tmpl:1:11: missing value for parenthesized pipeline")]
    [InlineData("columns count characters, not bytes", "é {{ foo }}", "krakend.tmpl:1:6: function \"foo\" not defined")]
    [InlineData("CRLF line ends", "a\r\nb\r\n{{ foo }}", "krakend.tmpl:3:4: function \"foo\" not defined")]
    public void Parse_errors_give_file_line_and_column(string name, string template, string expected)
    {
        var set = new TemplateSet(TemplateFunctions.Builtins());

        var error = ((Action)(() => set.Parse("krakend.tmpl", template))).Should().Throw<TemplateException>().Which;

        error.Message.Should().Be(expected, name);
        error.TemplateName.Should().Be("krakend.tmpl");
        error.Message.Should().StartWith($"krakend.tmpl:{error.Line}:{error.Column}: ");
    }

    [Theory]
    [InlineData("wrong argument count", "{\n  \"n\": {{ len }}\n}", "krakend.tmpl:2:11: executing \"krakend.tmpl\" at <len>: wrong number of args for len: want 1 got 0")]
    [InlineData("index out of range", "{{ range .list }}\n{{ index $.list 9 }}{{ end }}", "krakend.tmpl:2:4: executing \"krakend.tmpl\" at <index $.list 9>: error calling index: index out of range: 9")]
    [InlineData("calling a non-function", "{{ call .list }}", "krakend.tmpl:1:4: executing \"krakend.tmpl\" at <call .list>: error calling call: non-function .list of type []interface {}")]
    [InlineData("field of nil", "\n\n    {{ .nothing.deeper }}", "krakend.tmpl:3:8: executing \"krakend.tmpl\" at <.nothing.deeper>: nil pointer evaluating interface {}.deeper")]
    [InlineData("comparison of different kinds", "{{ if eq .port \"8080\" }}{{ end }}", "krakend.tmpl:1:7: executing \"krakend.tmpl\" at <eq .port \"8080\">: error calling eq: incompatible types for comparison: float64 and string")]
    public void Execution_errors_give_file_line_and_column(string name, string template, string expected)
    {
        var set = new TemplateSet(TemplateFunctions.Builtins());
        set.Parse("krakend.tmpl", template);

        var error = ((Action)(() => set.Render("krakend.tmpl", TemplateRun.Data("{\"list\":[1],\"nothing\":null,\"port\":8080}"))))
            .Should().Throw<TemplateException>().Which;

        error.Message.Should().Be(expected, name);
    }

    [Fact]
    public void Output_before_an_execution_error_has_been_written()
    {
        var set = new TemplateSet(TemplateFunctions.Builtins());
        set.Parse("t", "before {{ index .l 3 }} after");
        using var writer = new StringWriter();

        ((Action)(() => set.Execute("t", TemplateRun.Data("{\"l\":[]}"), writer))).Should().Throw<TemplateException>();

        writer.ToString().Should().Be("before ");
    }
}
