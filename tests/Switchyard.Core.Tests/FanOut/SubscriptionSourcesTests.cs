using Switchyard.Core.FanOut;

namespace Switchyard.Core.Tests.FanOut;

public sealed class SubscriptionSourcesTests
{
    private const string One = """[{"broker":"amqp://mq//","app_name":"shop","app_env":"{0}","api_url":"http://api"}]""";

    [Fact]
    public void Switchyards_variable_wins_over_leeks()
    {
        var variables = new Dictionary<string, string>
        {
            ["SWITCHYARD_SUBSCRIPTIONS"] = One.Replace("{0}", "prod"),
            ["LEEK_AGENT_SUBSCRIPTIONS"] = One.Replace("{0}", "qa"),
        };

        SubscriptionSources.FromEnvironment(variables.GetValueOrDefault).Single().Name.Should().Be("shop-prod");
    }

    [Fact]
    public void Leeks_variable_is_read_when_switchyards_is_not_set()
    {
        var variables = new Dictionary<string, string> { ["LEEK_AGENT_SUBSCRIPTIONS"] = One.Replace("{0}", "qa") };

        SubscriptionSources.FromEnvironment(variables.GetValueOrDefault).Single().Name.Should().Be("shop-qa");
    }

    [Fact]
    public void No_variable_means_no_static_subscriptions()
    {
        SubscriptionSources.FromEnvironment(_ => null).Should().BeEmpty();
    }

    [Fact]
    public void Errors_name_the_variable()
    {
        var read = () => SubscriptionSources.FromEnvironment(name => name == "LEEK_AGENT_SUBSCRIPTIONS" ? "{}" : null);

        read.Should().Throw<SubscriptionException>().Which.Errors.Should().Equal(
            "LEEK_AGENT_SUBSCRIPTIONS: subscriptions: must be a JSON array of subscriptions, got an object");
    }
}
