using Switchyard.Functions.Routing;

namespace Switchyard.Functions.Tests.Routing;

public sealed class CleanPathTests
{
    [Theory]
    [InlineData("", "/")]
    [InlineData("/", "/")]
    [InlineData("abc", "/abc")]
    [InlineData("//a///b", "/a/b")]
    [InlineData("/a/b/", "/a/b/")]
    [InlineData("/a/./b", "/a/b")]
    [InlineData("/a/b/..", "/a/")]
    [InlineData("/a/b/.", "/a/b/")]
    [InlineData("/a/../../b", "/b")]
    [InlineData("/..", "/")]
    [InlineData("/a/..", "/")]
    public void Cleans_like_gin(string path, string cleaned) => CleanPath.Clean(path).Should().Be(cleaned);
}
