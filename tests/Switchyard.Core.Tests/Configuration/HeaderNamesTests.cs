using Switchyard.Core.Configuration;

namespace Switchyard.Core.Tests.Configuration;

public sealed class HeaderNamesTests
{
    [Theory]
    [InlineData("content-type", "Content-Type")]
    [InlineData("x-api-KEY", "X-Api-Key")]
    [InlineData("AUTHORIZATION", "Authorization")]
    [InlineData("x--y", "X--Y")]
    [InlineData("with space", "with space")]
    public void Header_names_take_their_canonical_form(string name, string expected)
    {
        HeaderNames.Canonical(name).Should().Be(expected);
    }
}
