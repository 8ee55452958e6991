using Switchyard.Templates;

namespace Switchyard.Core.Tests.Templates;

/// <summary>Go's predefined functions, each with what it returns and how it fails.</summary>
public sealed class BuiltinFunctionTests
{
    private const string Data = "{\"l\":[\"a\",\"b\",\"c\"],\"m\":{\"k\":\"v\",\"n\":null},\"port\":8080,\"s\":\"héllo\",\"z\":0,\"e\":\"\"}";

    [Theory]
    [InlineData("and returns the first false", "{{and 1 0 2}}", "0")]
    [InlineData("and returns the last when all true", "{{and 1 2}}", "2")]
    [InlineData("or returns the first true", "{{or 0 \"\" 3 4}}", "3")]
    [InlineData("or returns the last when all false", "{{or 0 .e}}", "")]
    [InlineData("or short-circuits", "{{or 1 (index .l 99)}}", "1")]
    [InlineData("and short-circuits", "{{and .z (index .l 99)}}", "0")]
    [InlineData("and in a pipeline", "{{1 | and 2}}", "1")]
    [InlineData("or with the default idiom", "{{or .missing \"default\"}}", "default")]
    [InlineData("not", "{{not 0}} {{not .l}} {{not .missing}}", "true false true")]
    [InlineData("len of string counts bytes", "{{len .s}}", "6")]
    [InlineData("len of slice and map", "{{len .l}} {{len .m}}", "3 2")]
    [InlineData("index slice", "{{index .l 1}}", "b")]
    [InlineData("index map", "{{index .m \"k\"}}", "v")]
    [InlineData("index missing map key", "{{index .m \"nope\"}}", "<no value>")]
    [InlineData("index nested", "{{index . \"l\" 2}}", "c")]
    [InlineData("index string gives a byte", "{{index \"abc\" 1}}", "98")]
    [InlineData("index without indexes", "{{index .l}}", "[a b c]")]
    [InlineData("slice", "{{slice .l 1 2}}", "[b]")]
    [InlineData("slice from", "{{slice .l 1}}", "[b c]")]
    [InlineData("slice whole", "{{slice .l}}", "[a b c]")]
    [InlineData("slice string", "{{slice \"hello\" 1 3}}", "el")]
    [InlineData("print adds spaces between non-strings", "{{print 1 2 \"a\" \"b\" 3}}", "1 2ab3")]
    [InlineData("print of float from JSON", "{{print .port}}", "8080")]
    [InlineData("println", "{{println 1 \"a\"}}", "1 a\n")]
    [InlineData("printf", "{{printf \"%s=%d\" \"a\" 1}}", "a=1")]
    [InlineData("html", "{{html \"<a href='x'>&\\\"\"}}", "&lt;a href=&#39;x&#39;&gt;&amp;&#34;")]
    [InlineData("html of several values", "{{html 1 \"<\"}}", "1&lt;")]
    [InlineData("js", "{{js \"it's <b> \\\"x\\\" = 1\\n\"}}", "it\\'s \\u003Cb\\u003E \\\"x\\\" \\u003D 1\\u000A")]
    [InlineData("js keeps printable unicode", "{{js \"é\"}}", "é")]
    [InlineData("js escapes what is not printable", "{{js \"\\uFFFE\"}}", "\\uFFFE")]
    [InlineData("html of nil is the template's no value", "{{html .missing}}", "&lt;no value&gt;")]
    [InlineData("and of a missing value", "{{and 1 .missing}}", "<no value>")]
    [InlineData("or as if", "{{or .l \"empty\"}} {{or .e \"empty\"}}", "[a b c] empty")]
    [InlineData("boolean pipe", "{{if true | not | and 1}}T{{else}}F{{end}}", "F")]
    [InlineData("urlquery", "{{urlquery \"a b&c=d/é~\"}}", "a+b%26c%3Dd%2F%C3%A9~")]
    [InlineData("eq", "{{eq 1 1}} {{eq \"a\" \"b\"}}", "true false")]
    [InlineData("eq with several", "{{eq \"c\" \"a\" \"b\" \"c\"}}", "true")]
    [InlineData("eq float from JSON with float constant", "{{eq .port 8080.0}}", "true")]
    [InlineData("eq nil with a value", "{{eq .missing \"x\"}}", "false")]
    [InlineData("eq nil with nil", "{{eq .missing nil}}", "true")]
    [InlineData("ne", "{{ne 1 2}} {{ne \"a\" \"a\"}}", "true false")]
    [InlineData("lt le gt ge on ints", "{{lt 1 2}} {{le 2 2}} {{gt 1 2}} {{ge 2 3}}", "true true false false")]
    [InlineData("lt on strings", "{{lt \"a\" \"b\"}} {{lt \"b\" \"a\"}}", "true false")]
    [InlineData("lt on floats", "{{lt 1.5 2.5}}", "true")]
    [InlineData("comparisons of booleans", "{{eq true true}} {{ne true false}}", "true true")]
    public void Builtins_behave_as_in_go(string name, string template, string expected)
    {
        TemplateRun.Render(template, Data).Should().Be(expected, name);
    }

    [Theory]
    [InlineData("index equal to the length fails in reflection, as in Go", "{{index .l 3}}", "t:1:3: executing \"t\" at <index .l 3>: error calling index: reflect: slice index out of range")]
    [InlineData("printf of a non-string format", "{{true | printf}}", "t:1:10: executing \"t\" at <printf>: wrong type for value; expected string; got bool")]
    [InlineData("printf of a literal non-string format", "{{printf 1}}", "t:1:10: executing \"t\" at <1>: expected string; found 1")]
    [InlineData("printf of a field that is not a string", "{{printf .port}}", "t:1:10: executing \"t\" at <.port>: wrong type for value; expected string; got float64")]
    [InlineData("index out of range", "{{index .l 5}}", "t:1:3: executing \"t\" at <index .l 5>: error calling index: index out of range: 5")]
    [InlineData("index with a float", "{{index .l .port}}", "t:1:3: executing \"t\" at <index .l .port>: error calling index: cannot index slice/array with type float64")]
    [InlineData("index of nil", "{{index .missing 1}}", "t:1:3: executing \"t\" at <index .missing 1>: error calling index: index of untyped nil")]
    [InlineData("index of a number", "{{index .port 1}}", "t:1:3: executing \"t\" at <index .port 1>: error calling index: can't index item of type float64")]
    [InlineData("slice out of range", "{{slice .l 1 9}}", "t:1:3: executing \"t\" at <slice .l 1 9>: error calling slice: index out of range: 9")]
    [InlineData("slice inverted", "{{slice .l 2 1}}", "t:1:3: executing \"t\" at <slice .l 2 1>: error calling slice: invalid slice index: 2 > 1")]
    [InlineData("len of a number", "{{len .port}}", "t:1:3: executing \"t\" at <len .port>: error calling len: len of type float64")]
    [InlineData("eq of int and float", "{{eq .port 8080}}", "t:1:3: executing \"t\" at <eq .port 8080>: error calling eq: incompatible types for comparison: float64 and int")]
    [InlineData("eq of slices", "{{eq .l .l}}", "t:1:3: executing \"t\" at <eq .l .l>: error calling eq: non-comparable type [a b c]: []interface {}")]
    [InlineData("eq with one argument", "{{eq 1}}", "t:1:3: executing \"t\" at <eq 1>: error calling eq: missing argument for comparison")]
    [InlineData("lt of booleans", "{{lt true false}}", "t:1:3: executing \"t\" at <lt true false>: error calling lt: invalid type for comparison")]
    [InlineData("lt of int and string", "{{lt 1 \"a\"}}", "t:1:3: executing \"t\" at <lt 1 \"a\">: error calling lt: incompatible types for comparison: int and string")]
    [InlineData("not without argument", "{{not}}", "t:1:3: executing \"t\" at <not>: wrong number of args for not: want 1 got 0")]
    [InlineData("len with two arguments", "{{len 1 2}}", "t:1:3: executing \"t\" at <len>: wrong number of args for len: want 1 got 2")]
    [InlineData("eq without arguments", "{{eq}}", "t:1:3: executing \"t\" at <eq>: wrong number of args for eq: want at least 1 got 0")]
    [InlineData("lt with one argument", "{{lt 1}}", "t:1:3: executing \"t\" at <lt>: wrong number of args for lt: want 2 got 1")]
    [InlineData("pipeline value counts as an argument", "{{1 | lt 1 2}}", "t:1:7: executing \"t\" at <lt>: wrong number of args for lt: want 2 got 3")]
    [InlineData("unknown function", "x\n  {{foo 1}}", "t:2:5: function \"foo\" not defined")]
    public void Builtin_failures_read_as_in_go(string name, string template, string expected)
    {
        TemplateRun.Error(template, Data).Message.Should().Be(expected, name);
    }

    [Fact]
    public void Call_invokes_a_function_value()
    {
        var set = new TemplateSet(TemplateFunctions.Builtins());
        set.Parse("t", "{{call .count 1 2 3}} {{call .fail}}");
        var data = new Dictionary<string, object?>
        {
            ["count"] = (TemplateFunction)(arguments => (long)arguments.Count),
            ["fail"] = (TemplateFunction)(_ => throw new TemplateFunctionException("boom")),
        };

        var act = () => set.Render("t", data);

        act.Should().Throw<TemplateException>()
            .WithMessage("t:1:25: executing \"t\" at <call .fail>: error calling call: boom");
        set.Parse("ok", "{{call .count 1 2 3}} {{.count | call}}");
        set.Render("ok", data).Should().Be("3 0");
    }

    [Theory]
    [InlineData("{{call .missing}}", "t:1:3: executing \"t\" at <call .missing>: error calling call: call of nil")]
    [InlineData("{{call nil}}", "t:1:3: executing \"t\" at <call nil>: error calling call: call of nil")]
    [InlineData("{{1 | call}}", "t:1:7: executing \"t\" at <call>: error calling call: non-function <int Value> of type int")]
    [InlineData("{{call .s}}", "t:1:3: executing \"t\" at <call .s>: error calling call: non-function .s of type string")]
    public void Call_refuses_what_is_not_a_function(string template, string expected)
    {
        TemplateRun.Error(template, Data).Message.Should().Be(expected);
    }

    [Fact]
    public void Added_functions_are_called_with_the_pipeline_value_last_and_their_errors_reported()
    {
        var functions = TemplateFunctions.Builtins();
        functions.Add("join", arguments => string.Join("+", arguments.Select(GoFormat.Print)));
        functions.Add("pair", arguments => $"{arguments[0]}/{arguments[1]}", 2);
        functions.Add("fail", _ => throw new TemplateFunctionException("not today"));
        var set = new TemplateSet(functions);
        set.Parse("t", "{{\"c\" | join \"a\" 1}} {{pair \"x\" \"y\"}}");
        set.Parse("arity", "{{pair 1}}");
        set.Parse("fails", "line\n{{ fail }}");

        set.Render("t", null).Should().Be("a+1+c x/y");
        ((Action)(() => set.Render("arity", null))).Should().Throw<TemplateException>()
            .WithMessage("arity:1:3: executing \"arity\" at <pair>: wrong number of args for pair: want 2 got 1");
        var error = ((Action)(() => set.Render("fails", null))).Should().Throw<TemplateException>().Which;
        error.Message.Should().Be("fails:2:4: executing \"fails\" at <fail>: error calling fail: not today");
        (error.TemplateName, error.Line, error.Column).Should().Be(("fails", 2, 4));
    }

    [Fact]
    public void A_function_named_break_replaces_the_keyword()
    {
        var functions = TemplateFunctions.Builtins();
        functions.Add("break", _ => "called");
        var set = new TemplateSet(functions);
        set.Parse("t", "{{break}}");

        set.Render("t", null).Should().Be("called");
    }
}
