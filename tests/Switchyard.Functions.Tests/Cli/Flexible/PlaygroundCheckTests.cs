using System.Text.Json.Nodes;
using Switchyard.Functions.Cli;

namespace Switchyard.Functions.Tests.Cli.Flexible;

/// <summary>The playground's template, settings, partials and sub-templates, rendered and checked as KrakenD runs them.</summary>
public sealed class PlaygroundCheckTests
{
    [Theory]
    [InlineData("dev", "/a")]
    [InlineData("prod", "/d")]
    public void Check_renders_the_playground_and_accepts_it(string environment, string firstLoopEndpoint)
    {
        var output = new StringWriter();
        var errors = new StringWriter();

        var exitCode = CheckCommand.Check(Playground.Template, output, errors, flexible: Playground.Options(Playground.Settings(environment)), showRendered: true);

        exitCode.Should().Be(0, errors.ToString());
        output.ToString().Should().EndWith($"{Playground.Template}: 0 errors, 4 warnings: the configuration is valid (5 endpoints).\n");
        var rendered = JsonNode.Parse(output.ToString()[..output.ToString().LastIndexOf(Playground.Template, StringComparison.Ordinal)])!;
        rendered["endpoints"]![2]!["endpoint"]!.GetValue<string>().Should().Be(firstLoopEndpoint);
        errors.ToString().Should().NotContain("error");
    }

    [Fact]
    public void The_rendered_json_is_the_configuration_written_by_hand()
    {
        var output = new StringWriter();

        CheckCommand.Check(Playground.Template, output, new StringWriter(), flexible: Playground.Options(Playground.Settings("dev")), showRendered: true);

        var text = output.ToString();
        var rendered = JsonNode.Parse(text[..text.LastIndexOf(Playground.Template, StringComparison.Ordinal)]);
        var byHand = JsonNode.Parse(Playground.ByHand("http://case", "https://keycloak/auth/realms/default/protocol/openid-connect/certs"));
        JsonNode.DeepEquals(rendered, byHand).Should().BeTrue($"the rendered JSON is:\n{rendered}");
    }

    [Fact]
    public async Task The_command_line_renders_with_its_flags_and_exits_0()
    {
        var exitCode = await SwitchyardCommand.Create().Parse([
            "check", "-c", Playground.Template, "--settings", Playground.Settings("dev"), "--partials", Playground.Partials,
            "--templates", Playground.Templates,
        ]).InvokeAsync();

        exitCode.Should().Be(0);
    }

    [Fact]
    public async Task Without_flexible_configuration_the_template_is_read_as_json_and_refused()
    {
        var errors = new StringWriter();

        CheckCommand.Check(Playground.Template, new StringWriter(), errors).Should().Be(1);

        errors.ToString().Should().Contain("invalid JSON at line 5");
        (await SwitchyardCommand.Create().Parse(["check", "-c", Playground.Template]).InvokeAsync()).Should().Be(1);
    }
}
