using Switchyard.Core.Security.Cors;

namespace Switchyard.Core.Tests.Security.Cors;

/// <summary>rs/cors 1.11's check of <c>Access-Control-Request-Headers</c> (its <c>internal/sortedset</c> tests).</summary>
public sealed class CorsHeaderNamesTests
{
    private static readonly CorsHeaderNames Allowed = new(["X-Trace-Id", "Content-Type", "authorization", "content-type"]);

    [Theory]
    [InlineData("authorization", true)]
    [InlineData("authorization,content-type,x-trace-id", true)]
    [InlineData("content-type,x-trace-id", true)]
    [InlineData(" authorization , content-type", true)]
    [InlineData("\tauthorization,\tcontent-type", true)]
    [InlineData("authorization,,content-type", true)]
    [InlineData(",", true)]
    [InlineData("  authorization", false)]
    [InlineData("authorization  ", false)]
    [InlineData("x-trace-id,authorization", false)]
    [InlineData("authorization,authorization", false)]
    [InlineData("Authorization", false)]
    [InlineData("x-other", false)]
    [InlineData("authorization,x-other", false)]
    public void A_list_passes_when_lower_case_sorted_unique_and_allowed(string line, bool accepted) =>
        Allowed.Accepts([line]).Should().Be(accepted);

    [Fact]
    public void More_than_sixteen_empty_elements_are_refused()
    {
        Allowed.Accepts([new string(',', 15)]).Should().BeTrue();
        Allowed.Accepts([new string(',', 16)]).Should().BeFalse();
    }

    [Fact]
    public void Order_holds_across_lines()
    {
        Allowed.Accepts(["authorization", "content-type"]).Should().BeTrue();
        Allowed.Accepts(["content-type", "authorization"]).Should().BeFalse();
    }

    [Fact]
    public void A_star_or_no_list_allows_anything()
    {
        new CorsHeaderNames(["*"]).Accepts(["Z-Header,a-header"]).Should().BeTrue();
        new CorsHeaderNames([]).AllowsAll.Should().BeTrue();
    }
}
