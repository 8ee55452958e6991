using Switchyard.Core.FanOut;

namespace Switchyard.Core.Tests.FanOut;

public sealed class KombuRedisChannelsTests
{
    [Fact]
    public void Channels_carry_kombus_database_prefix_the_exchange_and_the_routing_key()
    {
        KombuRedisChannels.Channel(3, "celeryev", "task.sent").Should().Be("/3.celeryev/task.sent");
        KombuRedisChannels.RoutingKey("/3.celeryev/task.multi").Should().Be("task.multi");
    }

    [Theory]
    [InlineData("#", "/0.celeryev/*")]
    [InlineData("task.#", "/0.celeryev/task.*")]
    [InlineData("worker.heartbeat", "/0.celeryev/worker.heartbeat")]
    public void The_binding_keys_hash_becomes_a_glob_star_as_kombu_binds_it(string routingKey, string pattern)
    {
        KombuRedisChannels.Pattern(0, "celeryev", routingKey).Should().Be(pattern);
    }
}
