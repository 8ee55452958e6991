using Switchyard.Core.Configuration;
using Switchyard.Core.Pipeline;

namespace Switchyard.Core.Tests.Pipeline;

/// <summary>The backend client's handler takes the root keys that tune its connections.</summary>
public sealed class BackendHttpClientTests
{
    [Fact]
    public void The_transport_keys_reach_the_handler()
    {
        using var handler = BackendHttpClient.CreateHandler(tls: null, new BackendTransportOptions
        {
            DialerTimeout = TimeSpan.FromMilliseconds(700),
            IdleConnectionTimeout = TimeSpan.FromSeconds(5),
            ExpectContinueTimeout = TimeSpan.FromMilliseconds(300),
        });

        handler.ConnectTimeout.Should().Be(TimeSpan.FromMilliseconds(700));
        handler.PooledConnectionIdleTimeout.Should().Be(TimeSpan.FromSeconds(5));
        handler.Expect100ContinueTimeout.Should().Be(TimeSpan.FromMilliseconds(300));
    }

    [Fact]
    public void Without_them_the_defaults_stay()
    {
        using var handler = BackendHttpClient.CreateHandler(tls: null, new BackendTransportOptions());

        handler.ConnectTimeout.Should().Be(TimeSpan.FromSeconds(10));
        handler.PooledConnectionIdleTimeout.Should().Be(TimeSpan.FromSeconds(90));
        handler.Expect100ContinueTimeout.Should().Be(TimeSpan.FromSeconds(1), ".NET's default");
        handler.UseProxy.Should().BeFalse();
    }
}
