using Switchyard.Templates;

namespace Switchyard.Core.Tests.Templates;

/// <summary>define, template, block: nested and recursive templates, sets built over several files, redefinition.</summary>
public sealed class DefineTests
{
    [Theory]
    [InlineData("define and call", "{{define \"x\"}}X{{.}}{{end}}{{template \"x\" \"y\"}}", null, "Xy")]
    [InlineData("define prints nothing where it stands", "a{{define \"x\"}}X{{end}}b", null, "ab")]
    [InlineData("template without data passes nil", "{{define \"x\"}}{{.}}{{end}}{{template \"x\"}}", "\"ignored\"", "<no value>")]
    [InlineData("template with dot", "{{define \"x\"}}{{.a}}{{end}}{{template \"x\" .}}", "{\"a\":1}", "1")]
    [InlineData("template with pipeline", "{{define \"x\"}}{{.}}{{end}}{{template \"x\" .a | len}}", "{\"a\":\"abc\"}", "3")]
    [InlineData("$ in a template is its data", "{{define \"x\"}}{{$}}{{end}}{{template \"x\" .a}}", "{\"a\":\"in\"}", "in")]
    [InlineData("raw string name", "{{define `x`}}X{{end}}{{template `x`}}", null, "X")]
    [InlineData("templates call templates", "{{define \"a\"}}A{{template \"b\" .}}{{end}}{{define \"b\"}}B{{.}}{{end}}{{template \"a\" 1}}", null, "AB1")]
    [InlineData("recursion", "{{define \"r\"}}{{if .}}{{index . 0}}{{template \"r\" (slice . 1)}}{{end}}{{end}}{{template \"r\" .}}", "[1,2,3]", "123")]
    [InlineData("block renders its default", "{{block \"b\" .}}default {{.}}{{end}}", "\"d\"", "default d")]
    [InlineData("template called inside range", "{{define \"item\"}}<{{.}}>{{end}}{{range .}}{{template \"item\" .}}{{end}}", "[\"a\",\"b\"]", "<a><b>")]
    [InlineData("variables declared in the template pipeline persist", "{{define \"x\"}}{{end}}{{template \"x\" $v := 5}}{{$v}}", null, "5")]
    public void Templates_call_templates(string name, string template, string? json, string expected)
    {
        TemplateRun.Render(template, json).Should().Be(expected, name);
    }

    [Fact]
    public void Defines_from_several_files_join_one_set()
    {
        var set = new TemplateSet(TemplateFunctions.Builtins());
        set.Parse("main.tmpl", "main:{{template \"endpoint\" .}}");
        set.Parse("partials.tmpl", "{{define \"endpoint\"}}{{.path}}{{template \"backend\" .}}{{end}}{{define \"backend\"}}->{{.host}}{{end}}");

        set.Render("main.tmpl", TemplateRun.Data("{\"path\":\"/a\",\"host\":\"h\"}")).Should().Be("main:/a->h");
        set.Contains("endpoint").Should().BeTrue();
        set.Contains("backend").Should().BeTrue();
        set.Contains("nope").Should().BeFalse();
        set.Names.Should().Equal("backend", "endpoint", "main.tmpl", "partials.tmpl");
        set.Render("backend", TemplateRun.Data("{\"host\":\"x\"}")).Should().Be("->x");
    }

    [Fact]
    public void One_set_renders_on_many_threads_at_once()
    {
        var set = new TemplateSet(TemplateFunctions.Builtins());
        set.Parse("t", "{{define \"row\"}}{{.}};{{end}}{{range $i := .}}{{$v := $i}}{{template \"row\" $v}}{{end}}");
        var expected = string.Concat(Enumerable.Range(0, 200).Select(i => $"{i};"));

        var results = new string[32];
        Parallel.For(0, results.Length, i => results[i] = set.Render("t", 200L));

        results.Should().AllBe(expected);
    }

    [Fact]
    public void A_later_definition_replaces_an_earlier_one_but_an_empty_one_does_not()
    {
        var set = new TemplateSet(TemplateFunctions.Builtins());
        set.Parse("main", "{{block \"b\" .}}default{{end}}");
        set.Render("main", null).Should().Be("default");

        set.Parse("override", "{{define \"b\"}}override{{end}}");
        set.Render("main", null).Should().Be("override");

        set.Parse("empty", "{{define \"b\"}}  {{end}}");
        set.Render("main", null).Should().Be("override");
    }

    [Fact]
    public void Executing_a_template_not_in_the_set_names_the_ones_that_are()
    {
        var set = new TemplateSet(TemplateFunctions.Builtins());
        set.Parse("a", "{{define \"b\"}}{{end}}x");

        var error = ((Action)(() => set.Render("c", null))).Should().Throw<TemplateException>().Which;

        error.Message.Should().Be("c: no template \"c\" in the set; defined templates are: \"a\", \"b\"");
        error.Line.Should().Be(0);
    }

    [Theory]
    [InlineData("no such template", "{{template \"nope\"}}", "t:1:12: executing \"t\" at <{{template \"nope\"}}>: template \"nope\" not defined")]
    [InlineData("errors in a define name it", "{{define \"d\"}}\n  {{.a.b}}{{end}}{{template \"d\" .}}", "t:2:5: executing \"d\" at <.a.b>: nil pointer evaluating interface {}.b")]
    public void Template_execution_errors(string name, string template, string expected)
    {
        TemplateRun.Error(template, "{\"a\":null}").Message.Should().Be(expected, name);
    }

    [Fact]
    public void An_error_three_templates_deep_names_the_innermost_template_and_its_place_in_the_file()
    {
        // The example of Go's own exec tests, with columns counted from 1.
        const string text = "line 1\nline 2\nline 3\n{{template \"one\" .}}\n{{define \"one\"}}{{template \"two\" .}}{{end}}\n" +
            "{{define \"two\"}}{{template \"three\" .}}{{end}}\n{{define \"three\"}}{{index \"hi\" $}}{{end}}";
        var set = new TemplateSet(TemplateFunctions.Builtins());
        set.Parse("top", text);

        ((Action)(() => set.Render("top", 5L))).Should().Throw<TemplateException>()
            .WithMessage("top:7:21: executing \"three\" at <index \"hi\" $>: error calling index: index out of range: 5");
    }

    [Fact]
    public void Endless_recursion_stops_with_an_error()
    {
        TemplateRun.Error("{{define \"r\"}}{{template \"r\" .}}{{end}}{{template \"r\" .}}").Message
            .Should().StartWith("t:1:26: executing \"r\" at <{{template \"r\" .}}>: exceeded maximum template depth (");
    }

    [Theory]
    [InlineData("two definitions in one file", "{{define \"a\"}}1{{end}}{{define \"a\"}}2{{end}}", "t:1:23: multiple definition of template \"a\"")]
    [InlineData("define not at top level", "{{if true}}{{define \"a\"}}{{end}}{{end}}", "t:1:14: unexpected <define> in command")]
    [InlineData("define without a name", "{{define}}{{end}}", "t:1:9: unexpected \"}}\" in define clause")]
    [InlineData("define with a number as name", "{{define 1}}{{end}}", "t:1:10: unexpected \"1\" in define clause")]
    [InlineData("else in define", "{{define \"a\"}}{{else}}{{end}}", "t:1:15: unexpected {{else}} in define clause")]
    [InlineData("template without a name", "{{template}}", "t:1:11: unexpected \"}}\" in template clause")]
    [InlineData("block without pipeline", "{{block \"b\"}}{{end}}", "t:1:12: missing value for block clause")]
    [InlineData("unclosed define", "{{define \"a\"}}x", "t:1:16: unexpected EOF: the {{define}} at 1:1 has no {{end}}")]
    public void Definition_mistakes_are_parse_errors(string name, string template, string expected)
    {
        TemplateRun.Error(template).Message.Should().Be(expected, name);
    }
}
