namespace Switchyard.Functions.Tests.Bicep;

/// <summary>The offline syntax check (<c>bicep/check/check.mjs</c>) on the real templates and on broken copies.</summary>
public sealed class BicepSyntaxCheckTests : IDisposable
{
    private readonly DirectoryInfo _copy = Directory.CreateTempSubdirectory("switchyard-bicep-");

    [Fact]
    public async Task The_templates_have_no_syntax_error()
    {
        var (exitCode, output) = await BicepChecker.RunAsync();

        exitCode.Should().Be(0, output);
        output.Should().Contain($"{BicepFolder.Files.Count} file(s), 0 syntax error(s)");
    }

    [Theory]
    [InlineData("modules/functionapp.bicep", "    tier: 'FlexConsumption'\n  }\n", "    tier: 'FlexConsumption'\n")]
    [InlineData("main.bicep", "  dependsOn: [\n    roles\n  ]\n", "  dependsOn: [\n    roles\n")]
    [InlineData("modules/roles.bicep", "param principalId string\n", "param principalId string =\n")]
    [InlineData("modules/servicebus.bicep", "    tier: 'Standard'\n", "    tier: 'Standard\n")]
    public async Task A_broken_copy_fails_the_check_naming_the_broken_file(string file, string original, string broken)
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

        var (exitCode, output) = await BicepChecker.RunAsync(_copy.FullName);

        exitCode.Should().Be(1, output);
        output.Should().MatchRegex($@"(?m)^\S*{System.Text.RegularExpressions.Regex.Escape(Path.GetFileName(file))}:\d+:\d+: ");
        output.Should().Contain($"{BicepFolder.Files.Count} file(s)");
        output.Split('\n').Where(line => line.Contains(".bicep:", StringComparison.Ordinal))
            .Should().OnlyContain(line => line.Contains(Path.GetFileName(file) + ":", StringComparison.Ordinal), "only the broken file is reported");
    }

    public void Dispose() => _copy.Delete(recursive: true);
}
