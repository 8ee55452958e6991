using System.CommandLine;
using Switchyard.Core.Configuration.Flexible;
using Switchyard.Functions.Cli;

namespace Switchyard.Functions.Tests.Cli.Flexible;

/// <summary>Flags turn flexible configuration on as FC_ENABLE does, and each wins over its FC_* variable.</summary>
public sealed class FlexibleConfigFlagsTests
{
    private static FlexibleConfigOptions? Resolve(string[] arguments, Dictionary<string, string?> variables)
    {
        var command = new Command("check");
        var flags = FlexibleConfigFlags.AddTo(command);
        return flags.Resolve(command.Parse(arguments), name => variables.GetValueOrDefault(name));
    }

    [Fact]
    public void Without_flags_or_fc_enable_the_file_is_plain_json() =>
        Resolve([], new() { ["FC_SETTINGS"] = "ignored" }).Should().BeNull();

    [Fact]
    public void Fc_enable_alone_takes_every_fc_variable() =>
        Resolve([], new() { ["FC_ENABLE"] = "1", ["FC_SETTINGS"] = "s", ["FC_OUT"] = "o.json" })
            .Should().Be(new FlexibleConfigOptions { SettingsDirectory = "s", OutputFile = "o.json" });

    [Fact]
    public void A_flag_turns_it_on_and_the_variables_fill_in_what_the_flags_leave_out() =>
        Resolve(["--settings", "flag-settings"], new() { ["FC_SETTINGS"] = "env-settings", ["FC_PARTIALS"] = "env-partials" })
            .Should().Be(new FlexibleConfigOptions { SettingsDirectory = "flag-settings", PartialsDirectory = "env-partials" });

    [Fact]
    public void Every_flag_wins_over_its_variable() =>
        Resolve(
                ["--settings", "s", "--partials", "p", "--templates", "t", "--out", "o.json"],
                new() { ["FC_ENABLE"] = "1", ["FC_SETTINGS"] = "x", ["FC_PARTIALS"] = "x", ["FC_TEMPLATES"] = "x", ["FC_OUT"] = "x" })
            .Should().Be(new FlexibleConfigOptions { SettingsDirectory = "s", PartialsDirectory = "p", TemplatesDirectory = "t", OutputFile = "o.json" });

    [Fact]
    public async Task Out_keeps_the_rendered_json_from_the_command_line()
    {
        var output = Path.Combine(Path.GetTempPath(), $"switchyard-rendered-{Guid.NewGuid():N}.json");
        try
        {
            var exitCode = await SwitchyardCommand.Create().Parse([
                "check", "-c", Playground.Template, "--settings", Playground.Settings("dev"), "--partials", Playground.Partials,
                "--templates", Playground.Templates, "--out", output,
            ]).InvokeAsync();

            exitCode.Should().Be(0);
            File.ReadAllText(output).Should().Be(FlexibleConfigRenderer.Render(
                Playground.Template, Playground.Options(Playground.Settings("dev")), Environment.GetEnvironmentVariable).Json);
        }
        finally
        {
            File.Delete(output);
        }
    }
}
