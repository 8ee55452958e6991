using Switchyard.Core.Configuration;

namespace Switchyard.Core.Tests.Configuration;

public sealed class HostCleanerTests
{
    // lura's TestURIParser_cleanHosts cases.
    [Theory]
    [InlineData("supu", "http://supu")]
    [InlineData("127.0.0.1", "http://127.0.0.1")]
    [InlineData("https://supu.local/", "https://supu.local")]
    [InlineData("http://127.0.0.1", "http://127.0.0.1")]
    [InlineData("supu_42.local:8080/", "http://supu_42.local:8080")]
    [InlineData("http://127.0.0.1:8080", "http://127.0.0.1:8080")]
    public void Hosts_get_a_scheme_and_lose_the_trailing_slash(string host, string expected)
    {
        HostCleaner.TryClean(host, out var cleaned).Should().BeTrue();

        cleaned.Should().Be(expected);
    }

    [Theory]
    [InlineData("http://supu/api")]
    [InlineData("supu.local:8080/v1/")]
    [InlineData("ftp://supu")]
    [InlineData("http://user@supu")]
    [InlineData("supu:8")]
    [InlineData("http://[::1]:8080")]
    [InlineData("")]
    public void Hosts_with_more_than_scheme_name_and_port_are_invalid(string host)
    {
        HostCleaner.TryClean(host, out _).Should().BeFalse();
    }
}
