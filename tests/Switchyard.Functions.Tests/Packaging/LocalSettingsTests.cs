using Switchyard.Functions.Packaging;

namespace Switchyard.Functions.Tests.Packaging;

public sealed class LocalSettingsTests
{
    [Fact]
    public void Func_start_gets_the_custom_runtime_azurite_and_a_placeholder_per_agent_connection()
    {
        var settings = LocalSettings.Build([
            TestAgents.ServiceBusQueue("orders", "orders-in", connection: "Bus"),
            TestAgents.StorageQueue("thumbs", "images", connection: "Images"),
            TestAgents.RabbitMq("legacy", "legacy-q", host: "amqp://app:s3cret@rabbit.internal:5672/prod"),
        ]);

        settings["IsEncrypted"]!.GetValue<bool>().Should().BeFalse();
        var values = settings["Values"]!.AsObject().ToDictionary(v => v.Key, v => v.Value!.GetValue<string>());
        values.Should().Equal(new Dictionary<string, string>
        {
            ["FUNCTIONS_WORKER_RUNTIME"] = "custom",
            ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
            ["Bus__fullyQualifiedNamespace"] = "<your-namespace>.servicebus.windows.net",
            ["Images"] = "UseDevelopmentStorage=true",
            ["RabbitMQConnection"] = "amqp://app:<password>@rabbit.internal:5672/prod",
        });
        settings.ToJsonString().Should().NotContain("s3cret");
    }

    [Theory]
    [InlineData("amqp://guest:guest@localhost:5672", "amqp://guest:<password>@localhost:5672/")]
    [InlineData("amqp://localhost", "amqp://localhost")]
    [InlineData("amqps://user@broker/vhost", "amqps://user@broker/vhost")]
    public void An_amqp_url_keeps_everything_but_its_password(string url, string expected)
    {
        LocalSettings.WithoutPassword(url).Should().Be(expected);
    }
}
