namespace Switchyard.Core.Tests.Templates;

/// <summary>if / else if / else, with / else with, range over slices, maps, integers, break, continue, else.</summary>
public sealed class ControlTests
{
    [Theory]
    [InlineData("if true", "{{if true}}T{{end}}", null, "T")]
    [InlineData("if false with else", "{{if false}}T{{else}}F{{end}}", null, "F")]
    [InlineData("zero float is false", "{{if .}}T{{else}}F{{end}}", "0", "F")]
    [InlineData("empty string is false", "{{if .}}T{{else}}F{{end}}", "\"\"", "F")]
    [InlineData("string 0 is true", "{{if .}}T{{else}}F{{end}}", "\"0\"", "T")]
    [InlineData("empty slice is false", "{{if .}}T{{else}}F{{end}}", "[]", "F")]
    [InlineData("empty map is false", "{{if .}}T{{else}}F{{end}}", "{}", "F")]
    [InlineData("null is false", "{{if .a}}T{{else}}F{{end}}", "{\"a\":null}", "F")]
    [InlineData("missing key is false", "{{if .a}}T{{else}}F{{end}}", "{}", "F")]
    [InlineData("else if", "{{if eq . \"a\"}}A{{else if eq . \"b\"}}B{{else}}C{{end}}", "\"b\"", "B")]
    [InlineData("else if falls to else", "{{if eq . \"a\"}}A{{else if eq . \"b\"}}B{{else}}C{{end}}", "\"z\"", "C")]
    [InlineData("long else if chain", "{{if false}}1{{else if false}}2{{else if true}}3{{else}}4{{end}}", null, "3")]
    [InlineData("with sets dot", "{{with .a}}{{.}}{{end}}", "{\"a\":\"x\"}", "x")]
    [InlineData("with on empty takes else", "{{with .a}}{{.}}{{else}}none{{end}}", "{\"a\":\"\"}", "none")]
    [InlineData("else with", "{{with .a}}A{{else with .b}}{{.}}{{else}}none{{end}}", "{\"b\":\"B\"}", "B")]
    [InlineData("else keeps the outer dot", "{{with .a}}A{{else}}{{.b}}{{end}}", "{\"b\":\"outer\"}", "outer")]
    [InlineData("range over slice", "{{range .}}[{{.}}]{{end}}", "[1,\"a\",true]", "[1][a][true]")]
    [InlineData("range over map in key order", "{{range .}}{{.}},{{end}}", "{\"z\":1,\"a\":2,\"m\":3}", "2,3,1,")]
    [InlineData("range over integer", "{{range 3}}{{.}}{{end}}", null, "012")]
    [InlineData("range over integer with variable", "{{range $i := 3}}{{$i}}{{end}}", null, "012")]
    [InlineData("range over zero takes else", "{{range 0}}x{{else}}empty{{end}}", null, "empty")]
    [InlineData("range over empty slice takes else", "{{range .}}x{{else}}empty{{end}}", "[]", "empty")]
    [InlineData("range over empty map takes else", "{{range .}}x{{else}}empty{{end}}", "{}", "empty")]
    [InlineData("range over missing key takes else", "{{range .a}}x{{else}}empty{{end}}", "{}", "empty")]
    [InlineData("range over null takes else", "{{range .a}}x{{else}}empty{{end}}", "{\"a\":null}", "empty")]
    [InlineData("break", "{{range .}}{{if eq . \"c\"}}{{break}}{{end}}{{.}}{{end}}", "[\"a\",\"b\",\"c\",\"d\"]", "ab")]
    [InlineData("continue", "{{range .}}{{if eq . \"b\"}}{{continue}}{{end}}{{.}}{{end}}", "[\"a\",\"b\",\"c\"]", "ac")]
    [InlineData("break in nested range ends the inner one", "{{range .}}{{range .}}{{if eq . 2.0}}{{break}}{{end}}{{.}}{{end}};{{end}}", "[[1,2,3],[4,2]]", "1;4;")]
    [InlineData("nested range sees its own dot", "{{range .}}{{.k}}:{{range .v}}{{.}}{{end}} {{end}}", "[{\"k\":\"a\",\"v\":[1,2]},{\"k\":\"b\",\"v\":[3]}]", "a:12 b:3 ")]
    [InlineData("if inside range with $", "{{range .l}}{{if $.show}}{{.}}{{end}}{{end}}", "{\"l\":[1,2],\"show\":true}", "12")]
    public void Control_structures_behave_as_in_go(string name, string template, string? json, string expected)
    {
        TemplateRun.Render(template, json).Should().Be(expected, name);
    }

    [Theory]
    [InlineData("range over a number from JSON", "{{range .}}{{end}}", "3", "t:1:9: executing \"t\" at <.>: range can't iterate over 3")]
    [InlineData("range over a string", "{{range .}}{{end}}", "\"abc\"", "t:1:9: executing \"t\" at <.>: range can't iterate over abc")]
    [InlineData("two variables over an integer", "{{range $i, $e := 3}}{{end}}", null, "t:1:19: executing \"t\" at <3>: can't use 3 to iterate over more than one variable")]
    public void Range_refuses_what_go_refuses(string name, string template, string? json, string expected)
    {
        TemplateRun.Error(template, json).Message.Should().Be(expected, name);
    }

    [Theory]
    [InlineData("break outside range", "{{break}}", "t:1:3: {{break}} outside {{range}}")]
    [InlineData("continue outside range", "x{{if true}}{{continue}}{{end}}", "t:1:15: {{continue}} outside {{range}}")]
    [InlineData("break in range else", "{{range .}}{{else}}{{break}}{{end}}", "t:1:22: {{break}} outside {{range}}")]
    [InlineData("else outside a structure", "a{{else}}", "t:1:2: unexpected {{else}}")]
    [InlineData("end outside a structure", "a\n{{end}}", "t:2:1: unexpected {{end}}")]
    [InlineData("two elses", "{{if true}}{{else}}{{else}}{{end}}", "t:1:20: expected end; found {{else}}")]
    [InlineData("missing end", "{{if .a}}\nx", "t:2:2: unexpected EOF: the {{if}} at 1:1 has no {{end}}")]
    [InlineData("missing end of nested range", "{{if .a}}{{range .}}x{{end}}", "t:1:29: unexpected EOF: the {{if}} at 1:1 has no {{end}}")]
    [InlineData("if without pipeline", "{{if}}{{end}}", "t:1:5: missing value for if")]
    public void Structure_mistakes_are_parse_errors(string name, string template, string expected)
    {
        TemplateRun.Error(template).Message.Should().Be(expected, name);
    }
}
