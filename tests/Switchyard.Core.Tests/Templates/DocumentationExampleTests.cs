namespace Switchyard.Core.Tests.Templates;

/// <summary>The examples of Go's text/template documentation, which all print the same quoted word.</summary>
public sealed class DocumentationExampleTests
{
    [Theory]
    [InlineData("{{\"\\\"output\\\"\"}}")]
    [InlineData("{{`\"output\"`}}")]
    [InlineData("{{printf \"%q\" \"output\"}}")]
    [InlineData("{{\"output\" | printf \"%q\"}}")]
    [InlineData("{{printf \"%q\" (print \"out\" \"put\")}}")]
    [InlineData("{{\"put\" | printf \"%s%s\" \"out\" | printf \"%q\"}}")]
    [InlineData("{{\"output\" | printf \"%s\" | printf \"%q\"}}")]
    [InlineData("{{with \"output\"}}{{printf \"%q\" .}}{{end}}")]
    [InlineData("{{with $x := \"output\" | printf \"%q\"}}{{$x}}{{end}}")]
    [InlineData("{{with $x := \"output\"}}{{printf \"%q\" $x}}{{end}}")]
    [InlineData("{{with $x := \"output\"}}{{$x | printf \"%q\"}}{{end}}")]
    public void Each_pipeline_of_the_documentation_prints_the_quoted_word(string template)
    {
        TemplateRun.Render(template).Should().Be("\"output\"");
    }

    [Fact]
    public void The_letter_example_trims_as_documented()
    {
        const string letter = """
            Dear {{.Name}},
            {{if .Attended}}
            It was a pleasure to see you at the wedding.
            {{- else}}
            It is a shame you couldn't make it to the wedding.
            {{- end}}
            {{with .Gift -}}
            Thank you for the lovely {{.}}.
            {{end}}
            Best wishes,
            Josie

            """;

        TemplateRun.Render(letter, "{\"Name\":\"Aunt Mildred\",\"Gift\":\"bone china tea set\",\"Attended\":true}")
            .Should().Be("Dear Aunt Mildred,\n\nIt was a pleasure to see you at the wedding.\nThank you for the lovely bone china tea set.\n\nBest wishes,\nJosie\n");
        TemplateRun.Render(letter, "{\"Name\":\"Cousin Rodney\",\"Gift\":\"\",\"Attended\":false}")
            .Should().Be("Dear Cousin Rodney,\n\nIt is a shame you couldn't make it to the wedding.\n\nBest wishes,\nJosie\n");
    }
}
