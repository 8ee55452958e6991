using Switchyard.Functions.Cli;
using Switchyard.Functions.Tests.Hosting;
using Switchyard.Testing;

namespace Switchyard.Functions.Tests.Cli;

public sealed class SendCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("switchyard-send-").FullName;

    private string WriteConfig(string backendHost, string topic = "orders.created", bool withSecret = true, string driver = """ "async/memory": {} """)
    {
        var admin = withSecret ? """ "extra_config": {"switchyard/admin": {"secret": "cli-secret"} }, """ : "";
        var path = Path.Combine(_directory, "krakend.json");
        File.WriteAllText(path, $$"""
            {"version": 3, {{admin}} "endpoints": [],
             "async_agent": [{"name": "orders", "consumer": {"topic": "{{topic}}"},
               "backend": [{"host": ["{{backendHost}}"], "url_pattern": "/orders", "method": "POST"}],
               "extra_config": { {{driver}} } }]}
            """);
        return path;
    }

    [Fact]
    public async Task Sending_to_an_embedded_broker_agent_goes_through_the_running_gateway()
    {
        await using var backend = await TestBackend.StartAsync();
        var path = WriteConfig(backend.Host);
        await using var gateway = await TestGateway.StartAsync(File.ReadAllText(path));

        var (exitCode, output, errors) = await SendRun.RunAsync(new SendRequest("orders", path, null, """{"id":1}""", null, gateway.BaseAddress));

        errors.Should().BeEmpty();
        exitCode.Should().Be(0);
        output.Should().Contain("""with routing key 'orders.created': {"routed":1}""");
        for (var i = 0; i < 500 && backend.Received.IsEmpty; i++)
        {
            await Task.Delay(10);
        }

        backend.Received.Single().Body.Should().Be("""{"id":1}""");
    }

    [Fact]
    public async Task An_unknown_agent_is_an_error()
    {
        var path = WriteConfig("http://127.0.0.1:19");

        var (exitCode, _, errors) = await SendRun.RunAsync(new SendRequest("nope", path, null, "{}", null, null));

        exitCode.Should().Be(1);
        errors.Should().Contain("no agent named 'nope'");
    }

    [Fact]
    public async Task Data_and_file_are_exclusive()
    {
        var path = WriteConfig("http://127.0.0.1:19");

        var (exitCode, _, errors) = await SendRun.RunAsync(new SendRequest("orders", path, null, "{}", new FileInfo(path), null));

        exitCode.Should().Be(1);
        errors.Should().Contain("exactly one of --data or --file");
    }

    [Fact]
    public async Task A_wildcard_topic_needs_a_routing_key()
    {
        var path = WriteConfig("http://127.0.0.1:19", topic: "orders.*");

        var (exitCode, _, errors) = await SendRun.RunAsync(new SendRequest("orders", path, null, "{}", null, null));

        exitCode.Should().Be(1);
        errors.Should().Contain("give --routing-key");
    }

    [Fact]
    public async Task Without_an_admin_secret_the_embedded_broker_cannot_be_reached()
    {
        var path = WriteConfig("http://127.0.0.1:19", withSecret: false);

        var (exitCode, _, errors) = await SendRun.RunAsync(new SendRequest("orders", path, null, "{}", null, null));

        exitCode.Should().Be(1);
        errors.Should().Contain("SWITCHYARD_ADMIN_SECRET");
    }

    [Fact]
    public async Task Options_of_other_drivers_are_refused_for_an_embedded_broker_agent()
    {
        var path = WriteConfig("http://127.0.0.1:19");

        var (connectionExit, _, connectionErrors) = await SendRun.RunAsync(new SendRequest("orders", path, null, "{}", null, null) { Connection = "UseDevelopmentStorage=true" });
        var (headerExit, _, headerErrors) = await SendRun.RunAsync(new SendRequest("orders", path, null, "{}", null, null) { Headers = ["tenant=acme"] });

        connectionExit.Should().Be(1);
        connectionErrors.Should().Contain("--connection and --namespace are for async/servicebus and async/azure-queue agents");
        headerExit.Should().Be(1);
        headerErrors.Should().Contain("the embedded broker's admin endpoint takes no headers");
    }

    [Fact]
    public async Task A_header_without_a_name_is_an_error()
    {
        var path = WriteConfig("http://127.0.0.1:19", driver: """ "async/amqp": {"host": "amqp://127.0.0.1:1/", "name": "q", "exchange": "x"} """);

        var (exitCode, _, errors) = await SendRun.RunAsync(new SendRequest("orders", path, null, "{}", null, null) { Headers = ["=acme"] });

        exitCode.Should().Be(1);
        errors.Should().Contain("--header '=acme' is not NAME=VALUE");
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
