using System.Text.Json.Nodes;
using Switchyard.Core.Agents;
using Switchyard.Core.Durable;

namespace Switchyard.Functions.Packaging;

/// <summary>
/// The <c>local.settings.json</c> <c>func start</c> reads: the custom runtime, Azurite for the host's storage (and for the
/// durable engine, when the configuration has a durable pipe), and one placeholder per connection the agents' triggers
/// name. It never holds a secret: Service Bus is reached by identity (the developer's <c>az login</c>), and a password in
/// an AMQP URL is replaced by a placeholder.
/// </summary>
internal static class LocalSettings
{
    public const string StorageSetting = "AzureWebJobsStorage";

    public const string DevelopmentStorage = "UseDevelopmentStorage=true";

    public const string NamespacePlaceholder = "<your-namespace>.servicebus.windows.net";

    public const string PasswordPlaceholder = "<password>";

    public static JsonObject Build(IReadOnlyList<AsyncAgentConfig> agents, bool durable = false)
    {
        var values = new JsonObject
        {
            ["FUNCTIONS_WORKER_RUNTIME"] = "custom",
            [StorageSetting] = DevelopmentStorage,
        };

        // The same Azurite as the host's: in Azure the app setting names the account instead (bicep/).
        if (durable)
        {
            values[DurableEngineOptions.ConnectionVariable] = DevelopmentStorage;
        }

        foreach (var agent in agents)
        {
            if (agent.ServiceBus is { } serviceBus)
            {
                values[serviceBus.Connection + "__fullyQualifiedNamespace"] = NamespacePlaceholder;
            }
            else if (agent.AzureQueue is { } queue)
            {
                values[queue.Connection] = DevelopmentStorage;
            }
            else if (agent.Amqp is { } amqp && !values.ContainsKey(FunctionJson.RabbitMqConnectionSetting))
            {
                values[FunctionJson.RabbitMqConnectionSetting] = WithoutPassword(amqp.Host);
            }
        }

        return new JsonObject { ["IsEncrypted"] = false, ["Values"] = values };
    }

    /// <summary>The AMQP URL with its password, if any, replaced by a placeholder.</summary>
    public static string WithoutPassword(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || !uri.UserInfo.Contains(':', StringComparison.Ordinal))
        {
            return url;
        }

        var user = uri.UserInfo[..uri.UserInfo.IndexOf(':', StringComparison.Ordinal)];
        return new UriBuilder(uri) { UserName = Uri.UnescapeDataString(user), Password = PasswordPlaceholder }.Uri.ToString();
    }
}
