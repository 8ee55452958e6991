using Switchyard.Functions.Routing;

namespace Switchyard.Functions.Tests.Routing;

public sealed class GoQueryTests
{
    [Theory]
    [InlineData("", "")]
    [InlineData("b=2&a=1", "a=[1] b=[2]")]
    [InlineData("a=1&a=2", "a=[1,2]")]
    [InlineData("flag", "flag=[]")]
    [InlineData("flag&flag=x", "flag=[,x]")]
    [InlineData("a=x+y%21", "a=[x y!]")]
    [InlineData("&&a=1&", "a=[1]")]
    [InlineData("a=1;b=2&c=3", "c=[3]")]
    [InlineData("bad=%zz&ok=1", "ok=[1]")]
    [InlineData("=v", "=[v]")]
    public void Parses_like_go(string rawQuery, string expected)
    {
        var values = GoQuery.Parse(rawQuery);

        string.Join(" ", values.Select(kv => kv.Key + "=[" + string.Join(",", kv.Value) + "]")).Should().Be(expected);
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("ua=curl/8.6.0", "ua=curl%2F8.6.0")]
    [InlineData("b=2&a=1&b=1", "a=1&b=2&b=1")]
    [InlineData("q=a+b&x", "q=a+b&x=")]
    [InlineData("Z=1&a=2", "Z=1&a=2")]
    public void Reencodes_with_sorted_keys_like_go(string rawQuery, string encoded) =>
        GoQuery.Encode(GoQuery.Parse(rawQuery)).Should().Be(encoded);
}
