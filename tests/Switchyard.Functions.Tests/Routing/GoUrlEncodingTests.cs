using Switchyard.Functions.Routing;

namespace Switchyard.Functions.Tests.Routing;

public sealed class GoUrlEncodingTests
{
    [Theory]
    [InlineData("/a/b", "/a/b")]
    [InlineData("/a b", "/a%20b")]
    [InlineData("/é", "/%C3%A9")]
    [InlineData("/a?b#c%", "/a%3Fb%23c%25")]
    [InlineData("/$&+,:;=@-_.~", "/$&+,:;=@-_.~")]
    [InlineData("/!*'()", "/%21%2A%27%28%29")]
    public void Escapes_a_path_like_go(string path, string escaped) => GoUrlEncoding.EscapePath(path).Should().Be(escaped);

    [Theory]
    [InlineData("curl/8.6.0", "curl%2F8.6.0")]
    [InlineData("a b+c", "a+b%2Bc")]
    [InlineData("x=1&y", "x%3D1%26y")]
    [InlineData("-_.~", "-_.~")]
    [InlineData("ñ", "%C3%B1")]
    public void Escapes_a_query_component_like_go(string value, string escaped) => GoUrlEncoding.QueryEscape(value).Should().Be(escaped);

    [Theory]
    [InlineData("a%20b+c", false, "a b+c")]
    [InlineData("a%20b+c", true, "a b c")]
    [InlineData("%C3%A9", false, "é")]
    [InlineData("%2f", false, "/")]
    [InlineData("plain", true, "plain")]
    public void Unescapes_valid_text(string text, bool plusAsSpace, string expected)
    {
        GoUrlEncoding.TryUnescape(text, plusAsSpace, out var value).Should().BeTrue();
        value.Should().Be(expected);
    }

    [Theory]
    [InlineData("%")]
    [InlineData("%4")]
    [InlineData("%zz")]
    [InlineData("a%g1")]
    public void An_invalid_escape_is_reported_and_the_text_kept(string text)
    {
        GoUrlEncoding.TryUnescape(text, plusAsSpace: false, out var value).Should().BeFalse();
        value.Should().Be(text);
    }
}
