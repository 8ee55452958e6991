using Switchyard.Core.Configuration;
using static Switchyard.Core.Tests.Configuration.ConfigFixtures;

namespace Switchyard.Core.Tests.Configuration.Parsing;

public sealed class StaticDataOptionsParserTests
{
    private static string WithStatic(string staticObject) =>
        ServiceWithEndpoint("\"extra_config\": {\"proxy\": {\"static\": " + staticObject + "}}");

    [Theory]
    [InlineData("always", StaticStrategy.Always)]
    [InlineData("success", StaticStrategy.Success)]
    [InlineData("complete", StaticStrategy.Complete)]
    [InlineData("errored", StaticStrategy.Errored)]
    [InlineData("incomplete", StaticStrategy.Incomplete)]
    public void Static_strategies_are_read(string name, StaticStrategy expected)
    {
        var options = LoadValid(WithStatic($$$"""{"strategy": "{{{name}}}", "data": {"a": 1}}""")).Endpoints[0].Proxy.Static;

        options!.Strategy.Should().Be(expected);
        options.Data.ToJsonString().Should().Be("""{"a":1}""");
    }

    [Fact]
    public void A_missing_strategy_means_always()
    {
        LoadValid(WithStatic("""{"data": {}}""")).Endpoints[0].Proxy.Static!.Strategy.Should().Be(StaticStrategy.Always);
    }

    [Fact]
    public void An_unknown_strategy_is_an_error()
    {
        LoadErrors(WithStatic("""{"strategy": "sometimes", "data": {}}""")).Should().Equal(
            "endpoints[0].extra_config.proxy.static.strategy: unknown strategy 'sometimes' (want: always, success, complete, errored or incomplete)");
    }

    [Theory]
    [InlineData("""{"data": [1]}""", "endpoints[0].extra_config.proxy.static.data: expected an object, got array")]
    [InlineData("""{"data": "x"}""", "endpoints[0].extra_config.proxy.static.data: expected an object, got string \"x\"")]
    [InlineData("""{"strategy": "always"}""", "endpoints[0].extra_config.proxy.static.data: required: the object to add to responses")]
    public void Static_data_must_be_an_object(string staticObject, string error)
    {
        LoadErrors(WithStatic(staticObject)).Should().Equal(error);
    }
}
