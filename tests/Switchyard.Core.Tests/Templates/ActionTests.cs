namespace Switchyard.Core.Tests.Templates;

/// <summary>Actions, pipelines, fields and map keys, after Go's exec_test.go tables.</summary>
public sealed class ActionTests
{
    [Theory]
    [InlineData("empty", "", null, "")]
    [InlineData("text", "some text", null, "some text")]
    [InlineData("dot string", "{{.}}", "\"hello\"", "hello")]
    [InlineData("dot float from JSON", "{{.}}", "8080", "8080")]
    [InlineData("large float prints with exponent", "{{.}}", "1000000", "1e+06")]
    [InlineData("float 123456789", "{{.}}", "123456789", "1.23456789e+08")]
    [InlineData("float fraction", "{{.}}", "0.5", "0.5")]
    [InlineData("small float", "{{.}}", "0.00001", "1e-05")]
    [InlineData("field", "{{.a}}", "{\"a\":\"x\"}", "x")]
    [InlineData("nested field", "{{.a.b.c}}", "{\"a\":{\"b\":{\"c\":3}}}", "3")]
    [InlineData("missing key", "{{.missing}}", "{\"a\":1}", "<no value>")]
    [InlineData("field of missing key", "{{.missing.x}}", "{\"a\":1}", "<no value>")]
    [InlineData("null value", "{{.a}}", "{\"a\":null}", "<no value>")]
    [InlineData("nil data", "{{.}}", null, "<no value>")]
    [InlineData("field of nil data", "{{.a}}", null, "<no value>")]
    [InlineData("print of missing key", "{{print .missing}}", "{}", "<nil>")]
    [InlineData("map prints sorted", "{{.}}", "{\"b\":2,\"a\":\"x\",\"c\":[1,true]}", "map[a:x b:2 c:[1 true]]")]
    [InlineData("slice prints", "{{.}}", "[1,\"a\",null,{}]", "[1 a <nil> map[]]")]
    [InlineData("bool", "{{.}}", "true", "true")]
    [InlineData("pipeline to function", "{{.a | len}}", "{\"a\":\"abc\"}", "3")]
    [InlineData("pipeline value is last argument", "{{\"x\" | printf \"%s-%s\" \"y\"}}", null, "y-x")]
    [InlineData("parenthesised pipeline", "{{printf \"%d\" (len .a)}}", "{\"a\":[1,2]}", "2")]
    [InlineData("field of parenthesised pipeline", "{{(index .a 0).b}}", "{\"a\":[{\"b\":\"deep\"}]}", "deep")]
    [InlineData("chained pipelines", "{{.a | printf \"%s!\" | len}}", "{\"a\":\"ab\"}", "3")]
    [InlineData("unicode field names", "{{.héllo}}", "{\"héllo\":\"wörld\"}", "wörld")]
    [InlineData("underscore and digits in field", "{{._a1}}", "{\"_a1\":1}", "1")]
    [InlineData("text keeps braces not followed by brace", "a { b } c", null, "a { b } c")]
    public void Renders_as_go_does(string name, string template, string? json, string expected)
    {
        TemplateRun.Render(template, json).Should().Be(expected, name);
    }

    [Theory]
    [InlineData("field of nil element", "{{range .}}{{.x}}{{end}}", "[null]", "t:1:14: executing \"t\" at <.x>: nil pointer evaluating interface {}.x")]
    [InlineData("field of nil value", "{{.a.b}}", "{\"a\":null}", "t:1:3: executing \"t\" at <.a.b>: nil pointer evaluating interface {}.b")]
    [InlineData("field of a string", "{{.a.b}}", "{\"a\":\"s\"}", "t:1:3: executing \"t\" at <.a.b>: can't evaluate field b in type interface {}")]
    [InlineData("field of a top-level string", "{{.b}}", "\"s\"", "t:1:3: executing \"t\" at <.b>: can't evaluate field b in type string")]
    [InlineData("arguments to a field", "{{.a 1}}", "{\"a\":1}", "t:1:3: executing \"t\" at <.a>: a is not a method but has arguments")]
    [InlineData("argument to a constant", "{{1 2}}", null, "t:1:3: executing \"t\" at <1>: can't give argument to non-function 1")]
    [InlineData("nil command", "{{nil}}", null, "t:1:3: executing \"t\" at <nil>: nil is not a command")]
    [InlineData("nil in a parenthesised pipeline", "{{(nil).a}}", null, "t:1:4: executing \"t\" at <nil>: nil is not a command")]
    public void Execution_errors_name_the_node_and_its_position(string name, string template, string? json, string expected)
    {
        TemplateRun.Error(template, json).Message.Should().Be(expected, name);
    }
}
