using Switchyard.Core.Pipeline;

namespace Switchyard.Core.Tests.Pipeline;

public sealed class NameFilterTests
{
    [Fact]
    public void Endpoint_headers_default_to_content_type_only()
    {
        var filter = NameFilter.EndpointHeaders([]);

        filter.Allows("content-type").Should().BeTrue();
        filter.Allows("Authorization").Should().BeFalse();
    }

    [Fact]
    public void A_header_list_replaces_the_default_and_matches_case_insensitively()
    {
        var filter = NameFilter.EndpointHeaders(["x-user"]);

        filter.Allows("X-User").Should().BeTrue();
        filter.Allows("Content-Type").Should().BeFalse();
    }

    [Fact]
    public void Wildcard_lets_everything_through()
    {
        NameFilter.EndpointHeaders(["*"]).PassesAll.Should().BeTrue();
        NameFilter.EndpointQuery(["*"]).Allows("anything").Should().BeTrue();
    }

    [Fact]
    public void Query_names_are_case_sensitive_and_default_to_none()
    {
        NameFilter.EndpointQuery([]).Allows("page").Should().BeFalse();
        NameFilter.EndpointQuery(["page"]).Allows("Page").Should().BeFalse();
        NameFilter.EndpointQuery(["page"]).Allows("page").Should().BeTrue();
    }

    [Fact]
    public void Backend_filters_are_absent_when_empty_and_drop_unlisted_values()
    {
        NameFilter.BackendQuery([]).Should().BeNull();
        var filter = NameFilter.BackendQuery(["a"])!;
        var values = new Dictionary<string, string[]> { ["a"] = ["1"], ["b"] = ["2"] };

        filter.Apply(values, StringComparer.Ordinal).Should().ContainKey("a").And.NotContainKey("b");
    }
}
