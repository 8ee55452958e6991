using Switchyard.Functions.Cli;
using Switchyard.Testing;

namespace Switchyard.Functions.Tests.Cli;

/// <summary>
/// <c>switchyard workflows</c> refuses, with one message and exit code 1 and never a stack trace: a configuration with
/// no durable engine or no connection, arguments it cannot read, and a storage that cannot be reached.
/// </summary>
public sealed class WorkflowsCommandRefusalTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("switchyard-workflows-").FullName;

    [Fact]
    public async Task A_configuration_without_a_durable_engine_is_refused()
    {
        var path = Write("""{"version": 3, "endpoints": [{"endpoint": "/a", "backend": [{"host": ["http://a"], "url_pattern": "/a"}]}]}""");

        var (exitCode, text) = await WorkflowsCommandTests.InvokeAsync("workflows", "list", "-c", path);

        exitCode.Should().Be(1);
        text.Should().Be($"error: {path} has no durable engine: add the service's extra_config.switchyard/durable with its connection\n");
    }

    [Fact]
    public async Task An_engine_without_a_connection_is_refused()
    {
        Environment.GetEnvironmentVariable("SWITCHYARD_DURABLE_CONNECTION").Should().BeNullOrEmpty("the test needs no connection from the environment");
        var path = Write("""{"version": 3, "extra_config": {"switchyard/durable": {"task_hub": "orders"}}, "endpoints": []}""");

        var (exitCode, text) = await WorkflowsCommandTests.InvokeAsync("workflows", "show", "flow-1", "-c", path);

        exitCode.Should().Be(1);
        text.Should().Be("error: extra_config.switchyard/durable.connection is empty and SWITCHYARD_DURABLE_CONNECTION is not set: "
            + "give the Azure Storage of the task hub\n");
    }

    [Fact]
    public async Task A_connection_that_is_no_connection_string_is_refused_without_printing_it()
    {
        var path = Write(Durable("AccountName=devstoreaccount1;AccountKey=c2VjcmV0LWtleQ==;Nonsense=1"));

        var (exitCode, text) = await WorkflowsCommandTests.InvokeAsync("workflows", "list", "-c", path);

        exitCode.Should().Be(1);
        text.Should().StartWith("error: extra_config.switchyard/durable.connection: not an Azure Storage connection string: ")
            .And.NotContain("c2VjcmV0LWtleQ==");
    }

    [Fact]
    public async Task An_invalid_configuration_lists_its_problems()
    {
        var path = Write("""{"version": 3, "extra_config": {"switchyard/durable": {"connection": "UseDevelopmentStorage=true", "partitions": 99}}}""");

        var (exitCode, text) = await WorkflowsCommandTests.InvokeAsync("workflows", "purge", "--older-than", "24h", "-c", path);

        exitCode.Should().Be(1);
        text.Should().Contain("error: extra_config.switchyard/durable.partitions: must be between 1 and 16, got 99")
            .And.EndWith($"{path}: 1 error, 0 warnings\n");
    }

    [Theory]
    [InlineData("purge --older-than 7d", "error: --older-than: ", "(a Go duration such as 90s, 24h or 168h for 7 days)")]
    [InlineData("purge --older-than -1h", "error: --older-than: a negative duration", "168h")]
    [InlineData("list --since soon", "error: --since: ", "168h for 7 days)")]
    [InlineData("list --status Sleeping", "error: --status: unknown status 'Sleeping' (one of ", "Running")]
    [InlineData("list --top 0", "error: --top: must be at least 1", "got 0")]
    [InlineData("terminate flow-1 --wait forever", "error: --wait: ", "a Go duration")]
    public async Task An_argument_it_cannot_read_is_refused_before_the_storage_is_reached(string arguments, string start, string end)
    {
        // The connection leads nowhere: a refusal that tried to reach it would take the storage's retries and say so.
        var path = Write(Durable(
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=a2V5;TableEndpoint={ClosedPort.Host()}/devstoreaccount1"));

        var (exitCode, text) = await WorkflowsCommandTests.InvokeAsync(["workflows", .. arguments.Split(' '), "-c", path]);

        exitCode.Should().Be(1);
        text.Should().StartWith(start).And.Contain(end).And.NotContain("task hub");
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().ContainSingle();
    }

    [Fact]
    public async Task A_storage_that_cannot_be_reached_is_one_line_naming_the_task_hub()
    {
        var host = ClosedPort.Host();
        var path = Write(Durable(
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=c2VjcmV0LWtleQ==;BlobEndpoint={host}/devstoreaccount1;"
                + $"QueueEndpoint={host}/devstoreaccount1;TableEndpoint={host}/devstoreaccount1"));

        var (exitCode, text) = await WorkflowsCommandTests.InvokeAsync("workflows", "list", "-c", path);

        exitCode.Should().Be(1);
        text.Should().Be($"error: task hub 'orders': Connection refused ({host[7..]})\n");
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static string Durable(string connection) =>
        $$"""{"version": 3, "extra_config": {"switchyard/durable": {"connection": "{{connection}}", "task_hub": "orders"} }, "endpoints": []}""";

    private string Write(string json)
    {
        var path = Path.Combine(_directory, $"{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
    }
}
