using Switchyard.Functions.BuiltIn;

namespace Switchyard.Functions.Tests.BuiltIn;

public sealed class GoHeaderNameTests
{
    [Theory]
    [InlineData("content-type", "Content-Type")]
    [InlineData("CONTENT-MD5", "Content-Md5")]
    [InlineData("x-forwarded-for", "X-Forwarded-For")]
    [InlineData("WWW-Authenticate", "Www-Authenticate")]
    [InlineData("Accept", "Accept")]
    [InlineData("a--b", "A--B")]
    [InlineData("x_under_score", "X_under_score")]
    [InlineData("bad header", "bad header")]
    [InlineData("bad:name", "bad:name")]
    public void Canonicalises_like_go(string name, string canonical) => GoHeaderName.Canonicalize(name).Should().Be(canonical);
}
