using Switchyard.Templates;

namespace Switchyard.Core.Tests.Templates;

/// <summary>
/// A key the data does not have prints Go's <c>&lt;no value&gt;</c>; the set reports each action that printed it, with
/// its file, line and column, including those in templates it called.
/// </summary>
public sealed class NoValueTests
{
    [Fact]
    public void Each_action_that_printed_no_value_is_reported_where_it_is()
    {
        var set = new TemplateSet(TemplateFunctions.Builtins());
        set.Parse("krakend.tmpl", "{\n  \"port\": {{ .service.port }},\n  \"name\": \"{{ .name }}\",{{ template \"sub.tmpl\" . }}\n}");
        set.Parse("sub.tmpl", "\n  \"host\": \"{{ .service.host }}\"");
        var noValues = new List<PrintedNoValue>();

        var text = set.Render("krakend.tmpl", TemplateRun.Data("""{"name": "gateway"}"""), noValues);

        text.Should().Be("{\n  \"port\": <no value>,\n  \"name\": \"gateway\",\n  \"host\": \"<no value>\"\n}");
        noValues.Select(noValue => noValue.ToString()).Should().Equal(
            "krakend.tmpl:2:14: {{.service.port}} printed <no value>",
            "sub.tmpl:2:15: {{.service.host}} printed <no value>");
    }

    [Fact]
    public void A_value_the_data_has_reports_nothing()
    {
        var set = new TemplateSet(TemplateFunctions.Builtins());
        set.Parse("t", "{{ .a }} {{ .b }}");
        var noValues = new List<PrintedNoValue>();

        set.Render("t", TemplateRun.Data("""{"a": 1, "b": "x"}"""), noValues).Should().Be("1 x");

        noValues.Should().BeEmpty();
    }
}
