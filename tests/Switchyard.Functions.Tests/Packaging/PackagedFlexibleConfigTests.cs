using Switchyard.Core.Configuration;
using Switchyard.Core.Configuration.Flexible;
using Switchyard.Functions.Cli;
using Switchyard.Functions.Tests.Cli.Flexible;

namespace Switchyard.Functions.Tests.Packaging;

/// <summary><c>package</c> renders a templated configuration once and ships the rendered JSON: the app needs no template.</summary>
public sealed class PackagedFlexibleConfigTests : IDisposable
{
    private readonly PackageSandbox _sandbox = new();

    [Fact]
    public async Task The_package_ships_the_rendered_krakend_json_and_no_template()
    {
        var exitCode = await SwitchyardCommand.Create().Parse([
            "package", "-c", Playground.Template, "-o", _sandbox.Output, "--no-publish",
            "--settings", Playground.Settings("prod"), "--partials", Playground.Partials, "--templates", Playground.Templates,
        ]).InvokeAsync();

        exitCode.Should().Be(0);
        var shipped = await File.ReadAllTextAsync(Path.Combine(_sandbox.Output, "app", "krakend.json"));
        var rendered = FlexibleConfigRenderer.Render(Playground.Template, Playground.Options(Playground.Settings("prod")), Environment.GetEnvironmentVariable);
        shipped.Should().Be(rendered.Json, "the app serves byte for byte what was rendered and validated");
        ConfigLoader.Parse(shipped).Config!.Endpoints.Select(e => e.Endpoint).Should().Contain(["/admin/users", "/d", "/e", "/f"]);
        Directory.GetFiles(_sandbox.Output, "*", SearchOption.AllDirectories)
            .Select(Path.GetFileName)
            .Where(name => name!.EndsWith(".tmpl", StringComparison.Ordinal) || name is "env.json" or "loop_example.json")
            .Should().BeEmpty("templates, partials and settings are not needed at run time");
    }

    [Fact]
    public async Task A_template_error_packages_nothing()
    {
        var template = Path.Combine(_sandbox.Directory, "krakend.tmpl");
        await File.WriteAllTextAsync(template, """{"version": 3, "port": {{ .env.port | nope }}}""");

        var exitCode = await PackageCommand.PackageAsync(
            new PackageRequest(template, _sandbox.Output, Zip: false, Publish: false, Project: null, "shop", Flexible: new FlexibleConfigOptions()),
            _sandbox.Printed, _sandbox.Errors, CancellationToken.None);

        exitCode.Should().Be(1);
        _sandbox.Errors.ToString().Should().StartWith("error: krakend.tmpl:1:39: function \"nope\" not defined\n");
        Directory.Exists(_sandbox.Output).Should().BeFalse();
    }

    public void Dispose() => _sandbox.Dispose();
}
