namespace Switchyard.Core.Tests.Templates;

/// <summary>Whitespace trimming ({{- and -}}, the space is required) and comments, after Go's documented examples.</summary>
public sealed class TrimAndCommentTests
{
    [Theory]
    [InlineData("the documentation's example", "{{23 -}} < {{- 45}}", "23<45")]
    [InlineData("left trim removes spaces, tabs and newlines before", "a \t\n {{- 1}}", "a1")]
    [InlineData("right trim removes them after", "{{1 -}} \t\n b", "1b")]
    [InlineData("trim on both sides", "a \n{{- 1 -}}\n b", "a1b")]
    [InlineData("trim keeps other text", "a b {{- 1 -}} c d", "a b1c d")]
    [InlineData("a minus without space is a number", "{{-3}}", "-3")]
    [InlineData("a minus then space trims", "x {{- 3}}", "x3")]
    [InlineData("trim marker with a tab", "x {{-\t3\t-}} y", "x3y")]
    [InlineData("trim marker with newlines", "x {{-\n3\n-}} y", "x3y")]
    [InlineData("trim between actions", "{{1}} {{- 2}}", "12")]
    [InlineData("trim in range bodies", "{{range .}}\n  {{- .}}\n{{- end}}", "abc")]
    [InlineData("newlines inside an action", "{{print\n1\n2}}", "1 2")]
    [InlineData("comment", "a{{/* c */}}b", "ab")]
    [InlineData("multi-line comment", "a{{/* line 1\nline 2 */}}b", "ab")]
    [InlineData("comment with trim markers", "a \n {{- /* c */ -}} \n b", "ab")]
    [InlineData("comment with left trim only", "a  {{- /* c */}}  b", "a  b")]
    [InlineData("comment holding braces", "{{/* {{.x}} */}}ok", "ok")]
    public void Trims_and_comments_as_go_does(string name, string template, string expected)
    {
        TemplateRun.Render(template, "[\"a\",\"b\",\"c\"]").Should().Be(expected, name);
    }

    [Theory]
    [InlineData("comment not ending the action", "{{/* c */ .}}", "t:1:1: comment ends before closing delimiter")]
    [InlineData("unclosed comment", "x\n {{/* c", "t:2:2: unclosed comment")]
    [InlineData("comment after a space is not a comment", "{{ /* c */ }}", "t:1:4: unexpected \"/\" in command")]
    [InlineData("trim marker needs a space before }}", "{{.a-}}", "t:1:3: bad character U+002D '-'")]
    public void Comment_mistakes_are_parse_errors(string name, string template, string expected)
    {
        TemplateRun.Error(template).Message.Should().Be(expected, name);
    }
}
