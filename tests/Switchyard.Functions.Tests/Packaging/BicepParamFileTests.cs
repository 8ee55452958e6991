using System.Text.Json.Nodes;
using Switchyard.Functions.Packaging;
using Switchyard.Functions.Tests.Bicep;

namespace Switchyard.Functions.Tests.Packaging;

/// <summary>
/// The <c>main.bicepparam</c> that <c>switchyard package</c> writes, compiled with the template the package ships by
/// <c>bicep build-params</c>: the same values as <c>main.parameters.json</c>, and a wrong value fails.
/// </summary>
public sealed class BicepParamFileTests : IDisposable
{
    // Every kind of value package writes: arrays of objects and of strings, strings, integers.
    private const string Config = """
        {
          "version": 3,
          "endpoints": [{"endpoint": "/a", "backend": [{"host": ["http://a"], "url_pattern": "/a"}]}],
          "async_agent": [
            {"name": "orders", "consumer": {"topic": "#", "max_deliveries": 3}, "backend": [{"host": ["http://o"], "url_pattern": "/o"}],
             "extra_config": {"async/servicebus": {"queue": "orders"}}},
            {"name": "audit", "consumer": {"topic": "#"}, "backend": [{"host": ["http://o"], "url_pattern": "/o"}],
             "extra_config": {"async/servicebus": {"topic": "events", "subscription": "audit"}}},
            {"name": "thumbs", "consumer": {"topic": "#"}, "backend": [{"host": ["http://o"], "url_pattern": "/o"}],
             "extra_config": {"async/azure-queue": {"queue": "images"}}}
          ]
        }
        """;

    private readonly PackageSandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public async Task The_package_ships_the_templates_and_a_bicepparam_that_compiles_to_its_json_parameters()
    {
        (await _sandbox.Package(_sandbox.WriteConfig(Config), zip: true)).Should().Be(0, _sandbox.Errors.ToString());
        foreach (var template in BicepFolder.Files)
        {
            var copy = Path.Combine(_sandbox.Output, "bicep", Path.GetRelativePath(BicepFolder.Path, template));
            File.ReadAllText(copy).Should().Be(File.ReadAllText(template));
        }

        var run = await BicepCli.RunAsync(_sandbox.Output, "build-params", "main.bicepparam", "--stdout");

        run.ExitCode.Should().Be(0, run.ToString());
        run.Diagnostics.Should().BeEmpty("every warning counts: {0}", run);
        var compiled = JsonNode.Parse(JsonNode.Parse(run.Output)!["parametersJson"]!.GetValue<string>())!["parameters"];
        var written = _sandbox.ReadJson("main.parameters.json")["parameters"];
        JsonNode.DeepEquals(compiled, written).Should().BeTrue($"main.bicepparam compiles to\n{compiled}\nmain.parameters.json has\n{written}");
        written!["serviceBusTopics"]!["value"]!.AsArray().Should().ContainSingle();
        using var zip = System.IO.Compression.ZipFile.OpenRead(_sandbox.Output + ".zip");
        zip.Entries.Select(e => e.FullName).Should().NotContain(name => name.EndsWith(".bicep", StringComparison.Ordinal) || name.EndsWith(".bicepparam", StringComparison.Ordinal),
            "the templates and parameters are for the deployment, not the app");
    }

    [Fact]
    public async Task Strings_and_keys_bicep_would_read_otherwise_are_escaped()
    {
        (await _sandbox.Package(_sandbox.WriteConfig(Config))).Should().Be(0, _sandbox.Errors.ToString());
        var parameters = new JsonObject
        {
            ["appName"] = new JsonObject { ["value"] = "app" },
            ["tags"] = new JsonObject { ["value"] = new JsonObject { ["owner's team"] = "it's ${team}\\\n\tend\u0001", ["cost-center"] = "42" } },
        };
        File.WriteAllText(Path.Combine(_sandbox.Output, "escapes.bicepparam"), BicepParamFile.Write(parameters));

        var run = await BicepCli.RunAsync(_sandbox.Output, "build-params", "escapes.bicepparam", "--stdout");

        run.ExitCode.Should().Be(0, run.ToString());
        var compiled = JsonNode.Parse(JsonNode.Parse(run.Output)!["parametersJson"]!.GetValue<string>())!["parameters"];
        JsonNode.DeepEquals(compiled, parameters).Should().BeTrue($"escapes.bicepparam compiles to\n{compiled}");
    }

    [Theory]
    [InlineData("instanceMemoryMB = 1024", "2048 | 4096 | 512")]
    [InlineData("durable = 'yes'", "bool")]
    public async Task A_value_outside_the_allowed_list_or_of_the_wrong_type_fails_to_compile(string parameter, string expectedType)
    {
        (await _sandbox.Package(_sandbox.WriteConfig(Config))).Should().Be(0, _sandbox.Errors.ToString());
        File.AppendAllText(Path.Combine(_sandbox.Output, "main.bicepparam"), $"param {parameter}\n");

        var run = await BicepCli.RunAsync(_sandbox.Output, "build-params", "main.bicepparam", "--stdout");

        run.ExitCode.Should().NotBe(0, run.ToString());
        run.Diagnostics.Should().MatchRegex($@"main\.bicepparam\(\d+,\d+\) : Error BCP033: Expected a value of type ""{System.Text.RegularExpressions.Regex.Escape(expectedType)}""", run.ToString());
    }
}
