using System.Text.Json.Nodes;
using Switchyard.Functions.Packaging;

namespace Switchyard.Functions.Tests.Packaging;

/// <summary>
/// Durable pipes in a package: <c>durable: true</c> for <c>bicep/</c> (and the engine's account when the configuration
/// names one), Azurite for <c>func start</c>, a note on the always-ready instance and its cost; nothing of it without a
/// durable pipe; and a storage credential in <c>connection</c> refused, since the configuration is deployed as it is.
/// </summary>
public sealed class PackagedDurableTests : IDisposable
{
    private const string AzuriteConnection = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;"
        + "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;"
        + "BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;QueueEndpoint=http://127.0.0.1:10001/devstoreaccount1;"
        + "TableEndpoint=http://127.0.0.1:10002/devstoreaccount1;";

    private readonly PackageSandbox _sandbox = new();

    private string Output => _sandbox.Output;

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public async Task A_durable_endpoint_makes_a_durable_package_on_the_app_own_account_with_azurite_locally_and_a_cost_note()
    {
        (await Package(Config("UseDevelopmentStorage=true", endpointDurable: true))).Should().Be(0, _sandbox.Errors.ToString());

        var parameters = Parameters();
        parameters["durable"]!["value"]!.GetValue<bool>().Should().BeTrue();
        parameters.ContainsKey("durableStorageAccountName").Should().BeFalse("the engine runs on the app's own storage account");
        LocalValues()["SWITCHYARD_DURABLE_CONNECTION"]!.GetValue<string>().Should().Be("UseDevelopmentStorage=true");
        _sandbox.Errors.ToString().Should().Contain("note: durable pipes: main.parameters.json sets durable: true")
            .And.Contain("grants the app's identity queue, table and blob data access on the app's own storage account")
            .And.Contain("keeps one always-ready instance")
            .And.Contain("billed for its memory all the time, idle or not");
        File.ReadAllText(Path.Combine(Output, "README.md")).Should().Contain("## Durable pipes").And.Contain("the app's own storage account");
    }

    [Fact]
    public async Task Native_AOT_asked_for_a_durable_pipe_is_refused_and_nothing_is_written()
    {
        (await _sandbox.Package(_sandbox.WriteConfig(Config("UseDevelopmentStorage=true", endpointDurable: true)), runtime: AppRuntime.NativeAot))
            .Should().Be(1);

        _sandbox.Errors.ToString().Should().Contain("--runtime aot: the configuration has durable pipes").And.Contain("Newtonsoft.Json");
        Directory.Exists(Output).Should().BeFalse();
    }

    [Fact]
    public async Task A_durable_agent_alone_makes_the_package_durable()
    {
        (await Package(Config("UseDevelopmentStorage=true", agentDurable: true))).Should().Be(0, _sandbox.Errors.ToString());

        Parameters()["durable"]!["value"]!.GetValue<bool>().Should().BeTrue();
        LocalValues().ContainsKey("SWITCHYARD_DURABLE_CONNECTION").Should().BeTrue();
    }

    [Fact]
    public async Task Without_a_durable_pipe_the_package_has_no_durable_setting_even_with_an_engine()
    {
        (await Package(Config("UseDevelopmentStorage=true"))).Should().Be(0, _sandbox.Errors.ToString());

        Parameters().Select(p => p.Key).Should().NotContain(["durable", "durableStorageAccountName"], "the app then keeps scale to zero");
        LocalValues().ContainsKey("SWITCHYARD_DURABLE_CONNECTION").Should().BeFalse();
        _sandbox.Errors.ToString().Should().NotContain("durable");
        File.ReadAllText(Path.Combine(Output, "README.md")).Should().NotContain("Durable");
    }

    [Theory]
    [InlineData("ordersstore")]
    [InlineData("https://ordersstore.queue.core.windows.net/")]
    [InlineData("AccountName=ordersstore;EndpointSuffix=core.windows.net")]
    public async Task An_account_the_configuration_names_becomes_the_engine_account_in_azure(string connection)
    {
        (await Package(Config(connection, endpointDurable: true))).Should().Be(0, _sandbox.Errors.ToString());

        Parameters()["durableStorageAccountName"]!["value"]!.GetValue<string>().Should().Be("ordersstore");
        LocalValues()["SWITCHYARD_DURABLE_CONNECTION"]!.GetValue<string>().Should().Be("UseDevelopmentStorage=true", "func start runs on Azurite");
        _sandbox.Errors.ToString().Should().Contain("on the storage account 'ordersstore'").And.Contain("resource group");
    }

    [Fact]
    public async Task Azurite_development_account_is_no_secret_and_means_the_app_own_account()
    {
        (await Package(Config(AzuriteConnection, endpointDurable: true))).Should().Be(0, _sandbox.Errors.ToString());

        Parameters().ContainsKey("durableStorageAccountName").Should().BeFalse();
    }

    [Theory]
    [InlineData("DefaultEndpointsProtocol=https;AccountName=ordersstore;AccountKey=c2VjcmV0LWtleQ==;EndpointSuffix=core.windows.net", "AccountKey")]
    [InlineData("BlobEndpoint=https://ordersstore.blob.core.windows.net/;SharedAccessSignature=sv=2024-11-04&ss=bqt&sig=c2VjcmV0", "SharedAccessSignature")]
    [InlineData("AccountName=devstoreaccount1;AccountKey=bm90LXRoZS1wdWJsaXNoZWQta2V5", "AccountKey")]
    public async Task A_storage_credential_in_connection_is_refused_and_nothing_is_written(string connection, string setting)
    {
        (await Package(Config(connection, endpointDurable: true), zip: true)).Should().Be(1);

        Directory.Exists(Output).Should().BeFalse();
        File.Exists(Output + ".zip").Should().BeFalse();
        _sandbox.Errors.ToString().Should().Contain($"error: extra_config.switchyard/durable.connection: holds a storage credential ({setting})")
            .And.Contain("deployed in clear").And.Contain("SWITCHYARD_DURABLE_CONNECTION").And.Contain("nothing was packaged");
        _sandbox.Errors.ToString().Should().NotContain("c2VjcmV0").And.NotContain("bm90LXRoZS1wdWJsaXNoZWQta2V5", "a secret is never printed");
    }

    [Fact]
    public async Task A_credential_is_refused_even_without_a_durable_pipe_since_the_configuration_ships_as_it_is()
    {
        (await Package(Config("AccountName=ordersstore;AccountKey=c2VjcmV0"))).Should().Be(1);

        _sandbox.Errors.ToString().Should().Contain("holds a storage credential (AccountKey)");
    }

    [Theory]
    [InlineData("Orders_Store")]
    [InlineData("https://x.blob.core.windows.net")]
    public async Task A_name_that_cannot_be_a_storage_account_is_an_error_and_nothing_is_written(string connection)
    {
        (await Package(Config(connection, endpointDurable: true), zip: true)).Should().Be(1);

        Directory.Exists(Output).Should().BeFalse();
        _sandbox.Errors.ToString().Should().Contain("extra_config.switchyard/durable.connection: must be an Azure Storage connection string");
    }

    [Fact]
    public void The_bicep_parameters_carry_durable_only_for_a_durable_package()
    {
        var plain = BicepParameters.Build("app", [])["parameters"]!.AsObject();
        var durable = BicepParameters.Build("app", [], durable: new PackagedDurable(null))["parameters"]!.AsObject();

        plain.ContainsKey("durable").Should().BeFalse();
        durable["durable"]!["value"]!.GetValue<bool>().Should().BeTrue();
        durable.ContainsKey("durableStorageAccountName").Should().BeFalse();
    }

    // One endpoint and one agent on the embedded broker, each durable when asked, and the engine on connection.
    private static string Config(string connection, bool endpointDurable = false, bool agentDurable = false)
    {
        var config = JsonNode.Parse("""
            {
              "version": 3,
              "extra_config": {"switchyard/durable": {}},
              "endpoints": [{"endpoint": "/signup", "method": "POST", "backend": [{"host": ["http://users"], "url_pattern": "/users"}], "extra_config": {}}],
              "async_agent": [
                {
                  "name": "signups",
                  "consumer": {"topic": "signups"},
                  "backend": [{"host": ["http://users"], "url_pattern": "/users"}],
                  "extra_config": {"async/memory": {}}
                }
              ]
            }
            """)!;
        config["extra_config"]!["switchyard/durable"]!["connection"] = connection;
        if (endpointDurable)
        {
            config["endpoints"]![0]!["extra_config"]!["switchyard/durable"] = new JsonObject();
        }

        if (agentDurable)
        {
            config["async_agent"]![0]!["extra_config"]!["switchyard/durable"] = new JsonObject();
        }

        return config.ToJsonString();
    }

    private Task<int> Package(string json, bool zip = false) => _sandbox.Package(_sandbox.WriteConfig(json), zip);

    private JsonObject Parameters() => _sandbox.ReadJson("main.parameters.json")["parameters"]!.AsObject();

    private JsonObject LocalValues() => _sandbox.ReadJson("local.settings.json")["Values"]!.AsObject();
}
