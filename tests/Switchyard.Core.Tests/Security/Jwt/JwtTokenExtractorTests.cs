using Switchyard.Core.Security.Jwt;

namespace Switchyard.Core.Tests.Security.Jwt;

public sealed class JwtTokenExtractorTests
{
    [Theory]
    [InlineData("Bearer abc", null, "abc")]
    [InlineData("bearer abc", null, "abc")]
    [InlineData("BEARER abc", "cookie", "abc")]
    [InlineData("abc", null, "abc")]
    [InlineData("Bearer ", null, "Bearer ")]
    [InlineData("Basic abc", null, "Basic abc")]
    [InlineData(null, "abc", "abc")]
    [InlineData("", "abc", "abc")]
    [InlineData(null, null, null)]
    public void The_header_wins_without_its_bearer_prefix_and_the_cookie_is_read_only_without_it(string? header, string? cookie, string? token)
    {
        JwtTokenExtractor.Extract(header, cookie).Should().Be(token);
    }
}
