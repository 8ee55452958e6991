using Switchyard.Core.FanOut;

namespace Switchyard.Core.Tests.FanOut;

public sealed class RedisBrokerUrlTests
{
    [Theory]
    [InlineData("redis://mq", "mq", 6379, null, null, 0, false)]
    [InlineData("redis://:s%40cret@mq:6380/2", "mq", 6380, null, "s@cret", 2, false)]
    [InlineData("redis://leek:pw@127.0.0.1/15", "127.0.0.1", 6379, "leek", "pw", 15, false)]
    [InlineData("rediss://leek:pw@cache.example:6380/0?ssl_cert_reqs=required", "cache.example", 6380, "leek", "pw", 0, true)]
    [InlineData("redis://[::1]:7000/", "::1", 7000, null, null, 0, false)]
    public void Kombus_url_parts_are_read(string url, string host, int port, string? user, string? password, int database, bool tls)
    {
        RedisBrokerUrl.Parse(url, out var error).Should().Be(new RedisBrokerUrl(host, port, user, password, database, tls));
        error.Should().BeNull();
    }

    [Fact]
    public void The_client_options_carry_credentials_database_and_tls_and_make_one_attempt()
    {
        var options = RedisBrokerUrl.Parse("rediss://leek:pw@cache.example:6380/4").ClientOptions("switchyard-fanout::shop-prod", TimeSpan.FromSeconds(3));

        options.User.Should().Be("leek");
        options.Password.Should().Be("pw");
        options.DefaultDatabase.Should().Be(4);
        options.Ssl.Should().BeTrue();
        options.SslHost.Should().Be("cache.example");
        options.AbortOnConnectFail.Should().BeTrue();
        options.ConnectTimeout.Should().Be(3000);
        options.EndPoints.Should().ContainSingle().Which.ToString().Should().Be("Unspecified/cache.example:6380");
    }

    [Theory]
    [InlineData("redis://mq/x1", "the path must be a database number, got '/x1'")]
    [InlineData("redis://mq/0#frag", "must not have a fragment ('#')")]
    [InlineData("redis+socket:///tmp/redis.sock", "must be a redis://[user:password@]host[:port][/database] URL")]
    public void What_switchyard_cannot_honour_is_an_error(string url, string expected)
    {
        RedisBrokerUrl.Parse(url, out var error).Should().BeNull();
        error.Should().Be(expected);
    }
}
