using Switchyard.Core.Configuration;
using Switchyard.Core.FanOut;
using Switchyard.Functions.FanOut;

namespace Switchyard.Functions.Tests.FanOut;

public sealed class FanOutSettingsTests
{
    private const string OneSubscription = """[{"broker": "amqp://u:p@rabbit:5672/", "app_name": "shop", "app_env": "prod", "api_url": "http://leek/api"}]""";

    private static ServiceConfig Config(string extraConfig = "{}") =>
        ConfigLoader.Parse($$"""{"version": 3, "extra_config": {{extraConfig}}, "endpoints": []}""").Config!;

    private static Func<string, string?> Environment(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(variable => variable.Name == name).Value;

    [Fact]
    public void Without_configuration_the_store_is_subscriptions_json_in_the_working_directory()
    {
        var settings = FanOutSettings.From(Config(), Environment());

        settings.StorePath.Should().Be(Path.GetFullPath("subscriptions.json"));
        settings.Static.Should().BeEmpty();
    }

    [Fact]
    public void The_store_comes_from_the_switchyard_fanout_namespace()
    {
        var settings = FanOutSettings.From(Config("""{"switchyard/fanout": {"store": "/var/lib/switchyard/subs.json"}}"""), Environment());

        settings.StorePath.Should().Be("/var/lib/switchyard/subs.json");
    }

    [Fact]
    public void The_environment_variable_overrides_the_configured_store()
    {
        var settings = FanOutSettings.From(
            Config("""{"switchyard/fanout": {"store": "/var/lib/switchyard/subs.json"}}"""),
            Environment(("SWITCHYARD_SUBSCRIPTIONS_FILE", "/data/other.json")));

        settings.StorePath.Should().Be("/data/other.json");
    }

    [Theory]
    [InlineData("SWITCHYARD_SUBSCRIPTIONS")]
    [InlineData("LEEK_AGENT_SUBSCRIPTIONS")]
    public void Static_subscriptions_come_from_either_variable(string variable)
    {
        var settings = FanOutSettings.From(Config(), Environment((variable, OneSubscription)));

        settings.Static.Should().ContainSingle().Which.Name.Should().Be("shop-prod");
    }

    [Fact]
    public void Invalid_static_subscriptions_name_the_variable_and_the_field()
    {
        var act = () => FanOutSettings.From(Config(), Environment(("SWITCHYARD_SUBSCRIPTIONS", OneSubscription.Replace("\"prod\"", "\"Prod\"", StringComparison.Ordinal))));

        act.Should().Throw<SubscriptionException>().Which.Errors.Should().ContainSingle()
            .Which.Should().StartWith("SWITCHYARD_SUBSCRIPTIONS: subscriptions[0].app_env:");
    }

    [Fact]
    public void The_fanout_namespace_is_a_known_root_namespace()
    {
        var result = ConfigLoader.Parse("""{"version": 3, "extra_config": {"switchyard/fanout": {"store": "x.json"}}, "endpoints": []}""");

        result.Errors.Should().BeEmpty();
        result.Config!.ExtraConfig["switchyard/fanout"].Should().NotBeNull();
    }
}
