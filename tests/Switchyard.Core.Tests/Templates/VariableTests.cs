namespace Switchyard.Core.Tests.Templates;

/// <summary>Variables: declaration, assignment, $ as the root, range variables and scoping.</summary>
public sealed class VariableTests
{
    [Theory]
    [InlineData("declare", "{{$x := 1}}{{$x}}", null, "1")]
    [InlineData("declaration prints nothing", "a{{$x := 1}}b", null, "ab")]
    [InlineData("assign", "{{$x := \"a\"}}{{$x = \"b\"}}{{$x}}", null, "b")]
    [InlineData("redeclare", "{{$x := 1}}{{$x := 2}}{{$x}}", null, "2")]
    [InlineData("root", "{{$}}", "\"r\"", "r")]
    [InlineData("root inside with", "{{with .a}}{{$.b}}{{end}}", "{\"a\":1,\"b\":\"root\"}", "root")]
    [InlineData("fields of a variable", "{{$x := .}}{{$x.a.b}}", "{\"a\":{\"b\":\"v\"}}", "v")]
    [InlineData("missing key of a variable", "{{$x := .}}{{$x.nope}}", "{}", "<no value>")]
    [InlineData("range element", "{{range $e := .}}{{$e}}{{end}}", "[\"a\",\"b\"]", "ab")]
    [InlineData("range index and element", "{{range $i, $e := .}}{{$i}}={{$e}};{{end}}", "[\"a\",\"b\"]", "0=a;1=b;")]
    [InlineData("range key and value, sorted", "{{range $k, $v := .}}{{$k}}:{{$v}} {{end}}", "{\"b\":2,\"a\":1,\"c\":3}", "a:1 b:2 c:3 ")]
    [InlineData("range assigns existing variables", "{{$i := 0}}{{$e := 0}}{{range $i, $e = .}}{{end}}{{$i}}{{$e}}", "[\"a\",\"b\"]", "1b")]
    [InlineData("range assigns one variable the element", "{{$e := 0}}{{range $e = .}}{{end}}{{$e}}", "[\"a\",\"b\"]", "b")]
    [InlineData("assignment in if reaches outside", "{{$x := 1}}{{if true}}{{$x = 2}}{{end}}{{$x}}", null, "2")]
    [InlineData("assignment in range reaches outside", "{{$x := 0}}{{range .}}{{$x = .}}{{end}}{{$x}}", "[1,2,3]", "3")]
    [InlineData("declaration in if pipeline", "{{if $x := .a}}{{$x}}{{else}}{{$x}}{{end}}", "{\"a\":\"yes\"}", "yes")]
    [InlineData("declaration in with pipeline", "{{with $x := .a}}{{$x}}{{.}}{{end}}", "{\"a\":\"w\"}", "ww")]
    [InlineData("shadowing in a body ends with it", "{{$x := 1}}{{if true}}{{$x := 2}}{{$x}}{{end}}{{$x}}", null, "21")]
    [InlineData("declaration in a range body each pass", "{{range $x := .}}<{{$y := $x}}{{$y}}>{{end}}", "[1,2]", "<1><2>")]
    [InlineData("variable declared by a template call", "{{define \"d\"}}{{.}}{{end}}{{template \"d\" $x := .}},{{index $x 1}}", "[3,4,5]", "[3 4 5],4")]
    [InlineData("variable as pipeline stage argument", "{{$f := \"%s!\"}}{{\"x\" | printf $f}}", null, "x!")]
    public void Variables_behave_as_in_go(string name, string template, string? json, string expected)
    {
        TemplateRun.Render(template, json).Should().Be(expected, name);
    }

    [Theory]
    [InlineData("undefined", "{{$x}}", "t:1:3: undefined variable \"$x\"")]
    [InlineData("used after its if ends", "{{if true}}{{$x := 1}}{{end}}{{$x}}", "t:1:32: undefined variable \"$x\"")]
    [InlineData("declared in range, used after", "{{range .}}{{$x := 1}}{{end}}{{$x}}", "t:1:32: undefined variable \"$x\"")]
    [InlineData("templates inherit no variables", "{{$x := 1}}{{define \"d\"}}{{$x}}{{end}}", "t:1:28: undefined variable \"$x\"")]
    [InlineData("two declarations outside range", "{{$x, $y := 1}}", "t:1:5: too many declarations in command")]
    [InlineData("three range variables", "{{range $a, $b, $c := .}}{{end}}", "t:1:15: too many declarations in range")]
    [InlineData("range declares only variables", "{{range $a, 1}}{{end}}", "t:1:11: range can only initialize variables")]
    [InlineData("range with a variable and nothing else", "{{range $k,}}{{end}}", "t:1:12: missing value for range")]
    [InlineData("a field is not declared", "{{$x := 23}}{{with $x.y := 3}}{{end}}", "t:1:25: unexpected \":=\" in operand")]
    [InlineData("no arithmetic after a variable", "{{$x := 1}}{{$x+2}}", "t:1:14: bad character U+002B '+'")]
    public void Variable_mistakes_are_parse_errors(string name, string template, string expected)
    {
        TemplateRun.Error(template).Message.Should().Be(expected, name);
    }

    [Fact]
    public void Assigning_an_undeclared_variable_fails_when_executed()
    {
        TemplateRun.Error("{{$x = 1}}").Message.Should().Be("t:1:8: executing \"t\" at <1>: undefined variable: $x");
    }
}
