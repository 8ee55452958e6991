using static Switchyard.Core.Tests.Configuration.ConfigFixtures;

namespace Switchyard.Core.Tests.Configuration.Parsing;

/// <summary>The root's <c>listen_ip</c>: read as written, empty when left out, a string or a type error.</summary>
public sealed class ServiceParserTests
{
    [Theory]
    [InlineData("192.168.1.3")]
    [InlineData("::1")]
    [InlineData("")]
    public void Listen_ip_is_read_as_written(string listenIp)
    {
        LoadValid($$"""{"version": 3, "listen_ip": "{{listenIp}}"}""").ListenIp.Should().Be(listenIp);
    }

    [Theory]
    [InlineData("""{"version": 3}""")]
    [InlineData("""{"version": 3, "listen_ip": null}""")]
    public void A_missing_or_null_listen_ip_is_empty_for_every_interface(string json)
    {
        LoadValid(json).ListenIp.Should().BeEmpty();
    }

    [Theory]
    [InlineData("127", "number 127")]
    [InlineData("[\"127.0.0.1\"]", "array")]
    [InlineData("true", "boolean true")]
    public void A_listen_ip_that_is_not_a_string_is_a_type_error_at_its_path(string value, string described)
    {
        LoadErrors($$"""{"version": 3, "listen_ip": {{value}}}""").Should().Equal(
            $"listen_ip: expected a string, got {described}");
    }
}
