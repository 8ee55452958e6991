using Switchyard.Core.Configuration;
using static Switchyard.Core.Tests.Configuration.ConfigFixtures;

namespace Switchyard.Core.Tests.Configuration.Parsing;

/// <summary>The root keys of the HTTP server and of the backend connections that Switchyard honours.</summary>
public sealed class ConnectionLimitsParserTests
{
    [Fact]
    public void Every_key_is_read_and_none_is_warned_about_any_more()
    {
        const string Json = """
            {"version": 3, "read_header_timeout": "3s", "idle_timeout": "1m", "max_header_bytes": 65536,
             "dialer_timeout": "500ms", "idle_connection_timeout": "2m", "expect_continue_timeout": "250ms"}
            """;

        var config = LoadValid(Json);

        config.Server.Should().Be(new HttpServerOptions
        {
            ReadHeaderTimeout = TimeSpan.FromSeconds(3),
            IdleTimeout = TimeSpan.FromMinutes(1),
            MaxHeaderBytes = 65536,
        });
        config.Transport.Should().Be(new BackendTransportOptions
        {
            DialerTimeout = TimeSpan.FromMilliseconds(500),
            IdleConnectionTimeout = TimeSpan.FromMinutes(2),
            ExpectContinueTimeout = TimeSpan.FromMilliseconds(250),
        });
        LoadWarnings(Json).Should().BeEmpty();
    }

    [Theory]
    [InlineData("""{"version": 3}""")]
    [InlineData("""{"version": 3, "read_header_timeout": "0s", "idle_timeout": "-1s", "max_header_bytes": 0, "dialer_timeout": "0s", "idle_connection_timeout": "-5s", "expect_continue_timeout": "0s"}""")]
    public void Left_out_zero_or_negative_values_keep_the_defaults(string json)
    {
        var config = LoadValid(json);

        config.Server.Should().Be(new HttpServerOptions());
        config.Server.MaxHeaderBytes.Should().Be(1 << 20, "Go's http.DefaultMaxHeaderBytes");
        config.Transport.Should().Be(new BackendTransportOptions());
        config.Transport.DialerTimeout.Should().Be(TimeSpan.FromSeconds(10));
        config.Transport.IdleConnectionTimeout.Should().Be(TimeSpan.FromSeconds(90));
    }

    [Theory]
    [InlineData("\"read_header_timeout\": 3", "read_header_timeout: expected a duration string such as \"2s\", got number 3")]
    [InlineData("\"max_header_bytes\": \"1MB\"", "max_header_bytes: expected an integer, got string \"1MB\"")]
    [InlineData("\"dialer_timeout\": \"soon\"", "dialer_timeout: ")]
    public void A_value_of_the_wrong_kind_is_an_error_at_its_path(string key, string error)
    {
        LoadErrors($$"""{"version": 3, {{key}}}""").Should().ContainSingle().Which.Should().StartWith(error);
    }

    [Fact]
    public void Keys_switchyard_does_not_honour_are_still_warned_about()
    {
        LoadWarnings("""{"version": 3, "read_timeout": "1s", "max_idle_connections_per_host": 10}""").Should().Equal(
            "read_timeout: unsupported key 'read_timeout' (server read timeout; ignored)",
            "max_idle_connections_per_host: unsupported key 'max_idle_connections_per_host' (backend idle connections per host; ignored)");
    }
}
