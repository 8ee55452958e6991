using System.Xml.Linq;
using Switchyard.Core.Encoding;

namespace Switchyard.Core.Tests.Encoding;

public sealed class FeedTextTests
{
    [Theory]
    [InlineData("editor@example.com (Ed Itor)", "Ed Itor", "editor@example.com")]
    [InlineData("Ed Itor (editor@example.com)", "Ed Itor", "editor@example.com")]
    [InlineData("Ed Itor", "Ed Itor", "")]
    [InlineData("editor@example.com", "", "editor@example.com")]
    [InlineData("a@b@c", "", "")]
    public void Author_text_is_split_into_name_and_email(string author, string name, string email)
    {
        FeedText.Person(author).Should().Be(new FeedPerson(name, email));
    }

    [Theory]
    [InlineData("<d>  plain text  </d>", "plain text")]
    [InlineData("<d><![CDATA[ <p>x</p> ]]></d>", "<p>x</p>")]
    [InlineData("<d>Hello <b>bold</b> &amp; more</d>", "Hello <b>bold</b> & more")]
    public void Element_text_is_trimmed_and_keeps_inner_markup(string xml, string expected)
    {
        FeedText.Of(XElement.Parse(xml)).Should().Be(expected);
    }

    [Fact]
    public void Missing_element_has_empty_text()
    {
        FeedText.Of(null).Should().BeEmpty();
    }
}
