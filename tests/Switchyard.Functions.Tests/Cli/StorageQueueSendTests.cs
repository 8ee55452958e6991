using System.Text;
using Azure.Storage.Queues;
using Switchyard.Functions.Cli;
using Switchyard.Functions.Tests.Durable;
using Switchyard.Functions.Tests.Hosting;
using Switchyard.Testing;

namespace Switchyard.Functions.Tests.Cli;

/// <summary><c>switchyard send</c> to an <c>async/azure-queue</c> agent, against a real Azurite, read back with the Storage SDK.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class StorageQueueSendTests(AzuriteServer azurite) : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("switchyard-send-queue-").FullName;
    private readonly string _queue = "orders-" + Guid.NewGuid().ToString("N")[..12];
    private readonly string _setting = "SwitchyardSendTest" + Guid.NewGuid().ToString("N");

    private string WriteConfig(string backendHost = "http://127.0.0.1:19", string encoding = "base64")
    {
        var path = Path.Combine(_directory, "krakend.json");
        File.WriteAllText(path, $$"""
            {"version": 3, "endpoints": [],
             "async_agent": [{"name": "orders", "consumer": {"topic": ""},
               "backend": [{"host": ["{{backendHost}}"], "url_pattern": "/orders", "method": "POST"}],
               "extra_config": {"async/azure-queue": {"queue": "{{_queue}}", "connection": "{{_setting}}", "message_encoding": "{{encoding}}"} } }]}
            """);
        return path;
    }

    [Theory]
    [InlineData("base64")]
    [InlineData("none")]
    public async Task A_message_sent_to_the_agents_queue_is_consumed_by_the_running_agent(string encoding)
    {
        Environment.SetEnvironmentVariable(_setting, azurite.ConnectionString);
        await using var backend = await TestBackend.StartAsync("{}");
        var path = WriteConfig(backend.Host, encoding);
        await using var gateway = await TestGateway.StartAsync(File.ReadAllText(path));
        const string body = """{"order":8,"customer":"Zoë"}""";

        var (exitCode, _, errors) = await SendRun.RunAsync(new SendRequest("orders", path, null, body, null, null));

        errors.Should().BeEmpty();
        exitCode.Should().Be(0);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (backend.Received.IsEmpty && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        backend.Received.Should().ContainSingle().Which.Body.Should().Be(body, $"send encodes as the agent's message_encoding ({encoding}) decodes");
    }

    /// <summary>The queue as it is stored: message texts undecoded, so the encoding on the wire is what is checked.</summary>
    private QueueClient RawQueue() => new(azurite.ConnectionString, _queue, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });

    [Fact]
    public async Task The_body_is_put_on_the_agents_queue_in_base64_which_the_host_and_the_sdk_decode()
    {
        var path = WriteConfig();
        const string body = """{"order":7,"customer":"Zoë"}""";

        var (exitCode, output, errors) = await SendRun.RunAsync(new SendRequest("orders", path, null, body, null, null) { Connection = azurite.ConnectionString });

        errors.Should().BeEmpty();
        exitCode.Should().Be(0);
        output.Should().StartWith($"published {Encoding.UTF8.GetByteCount(body)} bytes to storage queue '{_queue}' of account 'devstoreaccount1' (message ");
        output.Should().NotContain("AccountKey");

        // A consumer that decodes base64, as the Functions host does by default, reads the body itself.
        var decoding = new QueueClient(azurite.ConnectionString, _queue, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        (await decoding.PeekMessageAsync()).Value.Body.ToString().Should().Be(body);

        // The queue did not exist: send created it. On the wire the text is base64 of the UTF-8 body.
        var stored = (await RawQueue().ReceiveMessagesAsync(maxMessages: 32)).Value;
        stored.Should().ContainSingle();
        var message = stored[0];
        Encoding.UTF8.GetString(Convert.FromBase64String(message.MessageText)).Should().Be(body);
        message.DequeueCount.Should().Be(1);
        output.Should().Contain($"(message {message.MessageId})");
        message.ExpiresOn.Should().BeAfter(message.InsertedOn!.Value.AddDays(6), "a message lives the service's default 7 days");
    }

    [Fact]
    public async Task Without_connection_the_agents_app_setting_is_read_and_a_file_body_arrives_byte_for_byte()
    {
        var path = WriteConfig();
        var file = Path.Combine(_directory, "body.bin");
        byte[] bytes = [0x00, 0xff, 0xfe, 0x7b, 0x0a, 0x80, 0x22];
        await File.WriteAllBytesAsync(file, bytes);
        Environment.SetEnvironmentVariable(_setting, azurite.ConnectionString);
        try
        {
            var (exitCode, _, errors) = await SendRun.RunAsync(new SendRequest("orders", path, null, null, new FileInfo(file), null));

            errors.Should().BeEmpty();
            exitCode.Should().Be(0);
        }
        finally
        {
            Environment.SetEnvironmentVariable(_setting, null);
        }

        var decoding = new QueueClient(azurite.ConnectionString, _queue, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        var received = (await decoding.ReceiveMessageAsync()).Value;
        received.Body.ToArray().Should().Equal(bytes);
    }

    [Fact]
    public async Task A_refused_key_is_an_error_that_does_not_print_the_key()
    {
        var path = WriteConfig();
        const string wrongKey = "bm90LXRoZS1kZXZlbG9wbWVudC1hY2NvdW50LWtleS1hdC1hbGwtMDEyMzQ1Njc4OQ==";
        var settings = azurite.ConnectionString.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(part => part.StartsWith("AccountKey=", StringComparison.Ordinal) ? "AccountKey=" + wrongKey : part);

        var (exitCode, output, errors) = await SendRun.RunAsync(new SendRequest("orders", path, null, "{}", null, null) { Connection = string.Join(';', settings) });

        exitCode.Should().Be(1);
        output.Should().BeEmpty();
        errors.Should().StartWith("error: 403 AuthenticationFailed: ");
        errors.TrimEnd().Should().NotContain("\n", "the response headers that follow in the SDK's message are left out");
        errors.Should().NotContain(wrongKey);
    }

    [Fact]
    public async Task Without_a_connection_the_settings_read_are_named()
    {
        var path = WriteConfig();

        var (exitCode, _, errors) = await SendRun.RunAsync(new SendRequest("orders", path, null, "{}", null, null));

        exitCode.Should().Be(1);
        errors.Should().Contain($"no storage connection: set the app setting '{_setting}' to a connection string, or '{_setting}__accountName' (or '{_setting}__queueServiceUri') to use the managed identity");
    }

    [Fact]
    public async Task Properties_a_storage_message_cannot_carry_are_refused_and_nothing_is_sent()
    {
        var path = WriteConfig();

        var (exitCode, _, errors) = await SendRun.RunAsync(new SendRequest("orders", path, "orders.created", "{}", null, null)
        {
            Connection = azurite.ConnectionString,
            Headers = ["tenant=acme"],
        });

        exitCode.Should().Be(1);
        errors.Should().Contain("a Storage queue message carries only its body");
        (await RawQueue().ExistsAsync()).Value.Should().BeFalse();
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(_setting, null);
        Directory.Delete(_directory, recursive: true);
    }
}
