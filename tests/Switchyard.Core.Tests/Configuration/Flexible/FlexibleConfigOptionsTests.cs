using Switchyard.Core.Configuration.Flexible;

namespace Switchyard.Core.Tests.Configuration.Flexible;

public sealed class FlexibleConfigOptionsTests
{
    [Theory]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("0", true)]
    [InlineData("1", true)]
    [InlineData("false", true)]
    public void Any_non_empty_fc_enable_turns_templates_on_as_krakend_reads_it(string? enable, bool enabled)
    {
        var variables = new Dictionary<string, string?> { ["FC_ENABLE"] = enable, ["FC_SETTINGS"] = "settings" };

        var options = FlexibleConfigOptions.FromEnvironment(name => variables.GetValueOrDefault(name));

        (options is not null).Should().Be(enabled);
    }

    [Fact]
    public void The_variables_name_the_folders_and_the_output_file()
    {
        var variables = new Dictionary<string, string?>
        {
            ["FC_ENABLE"] = "1", ["FC_SETTINGS"] = "s", ["FC_PARTIALS"] = "p", ["FC_TEMPLATES"] = "t", ["FC_OUT"] = "out.json",
        };

        FlexibleConfigOptions.FromEnvironment(name => variables.GetValueOrDefault(name)).Should().Be(new FlexibleConfigOptions
        {
            SettingsDirectory = "s", PartialsDirectory = "p", TemplatesDirectory = "t", OutputFile = "out.json",
        });
    }
}
