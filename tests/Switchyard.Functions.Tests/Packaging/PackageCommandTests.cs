using System.IO.Compression;
using System.Text.Json.Nodes;
using Switchyard.Functions.Cli;

namespace Switchyard.Functions.Tests.Packaging;

public sealed class PackageCommandTests : IDisposable
{
    private const string TwoAgents = """
        {
          "version": 3,
          "endpoints": [{"endpoint": "/a", "backend": [{"host": ["http://a"], "url_pattern": "/a"}]}],
          "async_agent": [
            {
              "name": "legacy-orders",
              "consumer": {"topic": "orders.*", "workers": 4},
              "backend": [{"host": ["http://orders"], "url_pattern": "/orders"}],
              "extra_config": {"async/amqp": {"host": "amqp://svc:hunter2@rabbit:5672", "name": "orders", "exchange": "shop", "prefetch_count": 8}}
            },
            {
              "name": "local",
              "consumer": {"topic": "x"},
              "backend": [{"host": ["http://local"], "url_pattern": "/l"}],
              "extra_config": {"async/memory": {}}
            }
          ]
        }
        """;

    private readonly PackageSandbox _sandbox = new();

    private string Output => _sandbox.Output;

    public void Dispose() => _sandbox.Dispose();

    private string WriteConfig(string json) => _sandbox.WriteConfig(json);

    private Task<int> Package(string configPath, bool zip = false) => _sandbox.Package(configPath, zip);

    private JsonNode ReadJson(string path) => _sandbox.ReadJson(path);

    [Fact]
    public async Task A_valid_configuration_becomes_a_function_app_folder_with_the_configuration_copied_byte_for_byte()
    {
        var config = WriteConfig(TwoAgents);

        (await Package(config)).Should().Be(0, _sandbox.Errors.ToString());

        Directory.GetFiles(Output, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Output, f)).Should().BeEquivalentTo(
            "host.json", "get_a/function.json", "wildcard/function.json", "agent_legacy-orders/function.json", "app/krakend.json",
            "local.settings.json", "main.parameters.json", "main.bicepparam", "README.md",
            "bicep/main.bicep", "bicep/modules/functionapp.bicep", "bicep/modules/identity.bicep", "bicep/modules/monitoring.bicep",
            "bicep/modules/roles.bicep", "bicep/modules/servicebus.bicep", "bicep/modules/storage.bicep");
        File.ReadAllBytes(Path.Combine(Output, "app/krakend.json")).Should().Equal(File.ReadAllBytes(config));
        FunctionJsonTests.Trigger(ReadJson("agent_legacy-orders/function.json"))["queueName"]!.GetValue<string>().Should().Be("orders");
        ReadJson("host.json")["extensions"]!["rabbitMQ"]!["prefetchCount"]!.GetValue<int>().Should().Be(8);
        ReadJson("main.parameters.json")["parameters"]!["appName"]!["value"]!.GetValue<string>().Should().Be("shop");
        File.ReadAllText(Path.Combine(Output, "local.settings.json")).Should().NotContain("hunter2");
        _sandbox.Errors.ToString().Should().Contain("warning: async_agent[1]: agent 'local' gets no function");
        _sandbox.Printed.ToString().Should().Contain("packaged 3 function(s)").And.Contain("get_a, wildcard, agent_legacy-orders");
    }

    [Fact]
    public async Task An_invalid_configuration_exits_1_and_writes_nothing()
    {
        var config = WriteConfig("""{"version": 3, "endpoints": [{"endpoint": "/a", "backend": [{"url_pattern": "/u/{user}"}]}]}""");

        (await Package(config, zip: true)).Should().Be(1);

        Directory.Exists(Output).Should().BeFalse();
        File.Exists(Output + ".zip").Should().BeFalse();
        Directory.GetFileSystemEntries(_sandbox.Directory).Should().Equal(config);
        _sandbox.Errors.ToString().Should().Contain("endpoints[0].backend[0].url_pattern").And.Contain("nothing was packaged");
    }

    [Fact]
    public async Task A_folder_holding_other_files_is_never_replaced()
    {
        Directory.CreateDirectory(Output);
        File.WriteAllText(Path.Combine(Output, "notes.txt"), "mine");

        (await Package(WriteConfig(TwoAgents))).Should().Be(1);

        Directory.GetFiles(Output).Should().Equal(Path.Combine(Output, "notes.txt"));
        _sandbox.Errors.ToString().Should().Contain("neither empty nor an earlier package");
    }

    [Fact]
    public async Task Packaging_again_replaces_the_earlier_package_so_removed_agents_lose_their_function()
    {
        (await Package(WriteConfig(TwoAgents))).Should().Be(0, _sandbox.Errors.ToString());
        var withoutAgents = JsonNode.Parse(TwoAgents)!;
        withoutAgents.AsObject().Remove("async_agent");

        (await Package(WriteConfig(withoutAgents.ToJsonString()))).Should().Be(0, _sandbox.Errors.ToString());

        Directory.GetDirectories(Output).Select(Path.GetFileName).Should().BeEquivalentTo("get_a", "wildcard", "app", "bicep");
        Directory.GetFileSystemEntries(_sandbox.Directory).Select(Path.GetFileName).Should().BeEquivalentTo(
            ["dist", "krakend.json"], "the staging folder is gone");
    }

    [Fact]
    public async Task With_zip_the_deployable_files_are_zipped_beside_the_folder()
    {
        (await Package(WriteConfig(TwoAgents), zip: true)).Should().Be(0, _sandbox.Errors.ToString());

        using var archive = ZipFile.OpenRead(Output + ".zip");
        archive.Entries.Select(e => e.FullName).Should().BeEquivalentTo(
            "host.json", "get_a/function.json", "wildcard/function.json", "agent_legacy-orders/function.json", "app/krakend.json");
        _sandbox.Printed.ToString().Should().Contain($"zipped into {Output}.zip");
    }

    [Fact]
    public async Task The_command_line_takes_the_package_options()
    {
        var config = WriteConfig(TwoAgents);

        var exitCode = await SwitchyardCommand.Create().Parse(["package", "-c", config, "-o", Output, "--no-publish", "--app-name", "cli-app"]).InvokeAsync();

        exitCode.Should().Be(0);
        ReadJson("main.parameters.json")["parameters"]!["appName"]!["value"]!.GetValue<string>().Should().Be("cli-app");
        File.Exists(Path.Combine(Output, "app", "switchyard")).Should().BeFalse("--no-publish leaves the executable out");
    }
}
