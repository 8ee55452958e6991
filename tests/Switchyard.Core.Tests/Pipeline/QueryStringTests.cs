using Switchyard.Core.Pipeline;

namespace Switchyard.Core.Tests.Pipeline;

public sealed class QueryStringTests
{
    [Fact]
    public void Client_query_is_appended_to_the_pattern_query_with_keys_sorted()
    {
        var query = new Dictionary<string, string[]> { ["some"] = ["none"], ["a"] = ["2", "1"] };

        QueryString.Append("/tupu?extra=true", query).Should().Be("/tupu?extra=true&a=2&a=1&some=none");
        QueryString.Append("/tupu", query).Should().Be("/tupu?a=2&a=1&some=none");
    }

    [Fact]
    public void Values_are_escaped_like_go_query_escape()
    {
        var query = new Dictionary<string, string[]> { ["q"] = ["a b&c=d"] };

        QueryString.Append("/x", query).Should().Be("/x?q=a+b%26c%3Dd");
    }

    [Fact]
    public void No_query_leaves_the_path_untouched()
    {
        QueryString.Append("/x", new Dictionary<string, string[]>()).Should().Be("/x");
    }
}
