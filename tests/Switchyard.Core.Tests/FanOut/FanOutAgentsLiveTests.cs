using Switchyard.Core.FanOut;
using Switchyard.Core.Tests.Agents.Amqp;
using Switchyard.Testing;
using Eventually = Switchyard.Core.Tests.Agents.Eventually;

namespace Switchyard.Core.Tests.FanOut;

[Collection(RabbitMqCollection.Name)]
public sealed class FanOutAgentsLiveTests(RabbitMqServer broker) : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("switchyard-fanout-live-");
    private readonly HttpClient _http = new();

    [Fact]
    public async Task The_broker_check_tells_a_refused_password_from_a_broker_that_is_down()
    {
        var good = FanOutHarness.Subscription(broker.AmqpUri, "http://api");

        (await BrokerProbe.CheckAsync(good)).Should().Be(BrokerCheck.Reachable);
        (await BrokerProbe.CheckAsync(good with { Broker = $"amqp://guest:wrong@127.0.0.1:{broker.Port}/" })).Should().Be(BrokerCheck.CredentialsRefused);
        (await BrokerProbe.CheckAsync(good with { Broker = ClosedPort.Host().Replace("http", "amqp", StringComparison.Ordinal) })).Should().Be(BrokerCheck.Unreachable);
    }

    [Fact]
    public async Task Stop_and_start_apply_live_and_an_added_subscription_starts_at_once()
    {
        await using var api = await TestBackend.StartAsync("{}", 201);
        var store = new SubscriptionStore(Path.Combine(_directory.FullName, "subscriptions.json"));
        await using var agents = new FanOutAgents([], store, new EventApiClient(_http));
        await agents.StartAsync();

        (await agents.AddAsync(FanOutHarness.Subscription(broker.AmqpUri, api.Host))).Should().Be(AddOutcome.Added);
        await Eventually.HoldsAsync(() => agents.Statuses().Single().Connected, TimeSpan.FromSeconds(20), "the added subscription connected");

        await agents.StopAsync();
        agents.Statuses().Single().State.Should().Be(FanOutState.Stopped);

        await agents.StartAsync();
        await Eventually.HoldsAsync(() => agents.Statuses().Single().Connected, TimeSpan.FromSeconds(20), "connected again");
    }

    public void Dispose()
    {
        _http.Dispose();
        _directory.Delete(recursive: true);
    }
}
