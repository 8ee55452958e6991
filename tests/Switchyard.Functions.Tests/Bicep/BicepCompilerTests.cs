using System.Text.Json.Nodes;

namespace Switchyard.Functions.Tests.Bicep;

/// <summary>
/// <c>bicep/</c> compiled and linted by the Bicep CLI: no error and no warning (the linter's default rules), and a
/// broken copy of the templates fails to compile.
/// </summary>
public sealed class BicepCompilerTests : IDisposable
{
    private readonly DirectoryInfo _copy = Directory.CreateTempSubdirectory("switchyard-bicep-");

    public void Dispose() => _copy.Delete(recursive: true);

    [Fact]
    public async Task The_templates_compile_to_an_arm_template_without_a_diagnostic()
    {
        var run = await BicepCli.RunAsync(BicepFolder.Path, "build", "main.bicep", "--stdout");

        run.ExitCode.Should().Be(0, run.ToString());
        run.Diagnostics.Should().BeEmpty("every warning counts: {0}", run);
        var template = JsonNode.Parse(run.Output)!;
        template["$schema"]!.GetValue<string>().Should().Contain("deploymentTemplate.json");
        template["parameters"]!.AsObject().Select(p => p.Key).Should().BeEquivalentTo(BicepFolder.Main.Params.Select(p => p.Name));
    }

    [Fact]
    public async Task Every_template_passes_the_linter_without_a_warning()
    {
        var run = await BicepCli.RunAsync(BicepFolder.Path, "lint", "--pattern", "**/*.bicep");

        run.ExitCode.Should().Be(0, run.ToString());
        (run.Diagnostics + run.Output).Should().BeEmpty("every warning counts: {0}", run);
    }

    [Theory]
    [InlineData("modules/servicebus.bicep", "    tier: 'Standard'\n", "    tier: 'Standard\n", "BCP004")]
    [InlineData("main.bicep", "alwaysReadyInstances: durable ? durableAlwaysReadyInstances : 0", "alwaysReadyInstances: durable ? durableAlwaysReadyInstances : 'none'", "BCP036")]
    public async Task A_copy_with_a_syntax_or_type_error_fails_to_compile_naming_the_broken_file(string file, string original, string broken, string code)
    {
        foreach (var source in BicepFolder.Files)
        {
            var target = Path.Combine(_copy.FullName, Path.GetRelativePath(BicepFolder.Path, source));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(source, target);
        }

        var path = Path.Combine(_copy.FullName, file);
        var text = File.ReadAllText(path);
        text.Should().Contain(original, "the test breaks this text of the real file");
        File.WriteAllText(path, text.Replace(original, broken, StringComparison.Ordinal));

        var run = await BicepCli.RunAsync(_copy.FullName, "build", "main.bicep", "--stdout");

        run.ExitCode.Should().NotBe(0, run.ToString());
        run.Diagnostics.Should().MatchRegex($@"{System.Text.RegularExpressions.Regex.Escape(Path.GetFileName(file))}\(\d+,\d+\) : Error {code}:", run.ToString());
    }
}
