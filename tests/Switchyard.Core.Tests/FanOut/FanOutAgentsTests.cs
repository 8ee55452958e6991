using Switchyard.Core.FanOut;

namespace Switchyard.Core.Tests.FanOut;

public sealed class FanOutAgentsTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("switchyard-fanout-agents-");
    private readonly HttpClient _http = new();
    private readonly SubscriptionStore _store;
    private BrokerCheck _brokerAnswers = BrokerCheck.Reachable;

    public FanOutAgentsTests() => _store = new SubscriptionStore(Path.Combine(_directory.FullName, "subscriptions.json"));

    [Fact]
    public async Task An_added_subscription_is_persisted_and_loaded_by_the_next_process()
    {
        await using (var agents = Agents([Subscription("prod")]))
        {
            (await agents.AddAsync(Subscription("qa"))).Should().Be(AddOutcome.Added);
            agents.Subscriptions().Select(item => (item.Subscription.Name, item.IsStatic)).Should().Equal(("shop-prod", true), ("shop-qa", false));
        }

        await using var restarted = Agents([Subscription("prod")]);
        restarted.Subscriptions().Select(item => item.Subscription.Name).Should().Equal("shop-prod", "shop-qa");
        _store.Load().Select(subscription => subscription.Name).Should().Equal(["shop-qa"], "static subscriptions stay out of the file");
    }

    [Theory]
    [InlineData("prod", BrokerCheck.Reachable, AddOutcome.Duplicate)]
    [InlineData("qa", BrokerCheck.CredentialsRefused, AddOutcome.CredentialsRefused)]
    [InlineData("qa", BrokerCheck.Unreachable, AddOutcome.BrokerUnreachable)]
    public async Task A_subscription_that_cannot_be_added_is_not_saved(string env, BrokerCheck broker, AddOutcome outcome)
    {
        _brokerAnswers = broker;
        await using var agents = Agents([Subscription("prod")]);

        (await agents.AddAsync(Subscription(env))).Should().Be(outcome);

        agents.Subscriptions().Should().ContainSingle();
        File.Exists(_store.Path).Should().BeFalse();
    }

    [Fact]
    public async Task Removing_a_dynamic_subscription_removes_it_from_the_store()
    {
        await using var agents = Agents([]);
        await agents.AddAsync(Subscription("qa"));
        await agents.AddAsync(Subscription("dev"));

        (await agents.RemoveAsync("shop-qa")).Should().Be(RemoveOutcome.Removed);

        agents.Subscriptions().Select(item => item.Subscription.Name).Should().Equal("shop-dev");
        _store.Load().Select(subscription => subscription.Name).Should().Equal("shop-dev");
    }

    [Theory]
    [InlineData("shop-prod", RemoveOutcome.Static)]
    [InlineData("shop-nope", RemoveOutcome.NotFound)]
    public async Task Static_and_unknown_subscriptions_cannot_be_removed(string name, RemoveOutcome outcome)
    {
        await using var agents = Agents([Subscription("prod")]);

        (await agents.RemoveAsync(name)).Should().Be(outcome);

        agents.Subscriptions().Should().ContainSingle();
    }

    [Fact]
    public async Task A_stored_subscription_with_a_static_name_is_ignored()
    {
        await _store.SaveAsync([Subscription("prod") with { Queue = "from.file" }]);

        await using var agents = Agents([Subscription("prod")]);

        agents.Subscriptions().Should().ContainSingle().Which.Subscription.Queue.Should().Be("leek.fanout");
    }

    [Fact]
    public async Task A_restart_picks_up_an_edit_of_the_store()
    {
        await using var agents = Agents([]);
        await _store.SaveAsync([Subscription("qa")]);
        agents.Subscriptions().Should().BeEmpty();

        await agents.RestartAsync();

        agents.IsRunning.Should().BeTrue();
        agents.Statuses().Should().ContainSingle().Which.Name.Should().Be("shop-qa");
    }

    public void Dispose()
    {
        _http.Dispose();
        _directory.Delete(recursive: true);
    }

    private FanOutAgents Agents(IReadOnlyList<Subscription> statics) =>
        new(statics, _store, new EventApiClient(_http), check: (_, _) => Task.FromResult(_brokerAnswers));

    // A closed port: the runners of the restart test fail to connect, which is all it needs.
    private static Subscription Subscription(string env) => new()
    {
        Broker = Switchyard.Testing.ClosedPort.Host().Replace("http", "amqp", StringComparison.Ordinal),
        AppName = "shop",
        AppEnv = env,
        ApiUrl = new Uri("http://127.0.0.1:1"),
    };
}
