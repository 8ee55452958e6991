using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Switchyard.Core.Agents;
using Switchyard.Core.Agents.AzureQueue;
using Switchyard.Core.Configuration;
using Switchyard.Testing;

namespace Switchyard.Core.Tests.Agents.AzureQueue;

/// <summary>
/// Storage queue agents on a test's own queue of an Azurite: the connection is an app setting of its own (an
/// environment variable named once per test) holding Azurite's connection string, as the Functions host reads it.
/// </summary>
internal static class AzureQueueTestAgents
{
    public static AsyncAgentConfig Create(
        AzuriteServer azurite,
        string backendHost,
        AgentConsumerOptions? consumer = null,
        AzureQueueMessageEncoding encoding = AzureQueueMessageEncoding.Base64)
    {
        var setting = "SwitchyardTestStorage" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(setting, azurite.ConnectionString);
        return new AsyncAgentConfig
        {
            Name = "jobs",
            Connection = new AgentConnectionOptions { BackoffStrategy = "linear" },
            Consumer = consumer ?? new AgentConsumerOptions { Workers = 4, Timeout = TimeSpan.FromSeconds(5), MaxDeliveries = AzureQueueDriverOptions.DefaultMaxDeliveries },
            Pipe = new EndpointConfig
            {
                Endpoint = "/__agent/jobs",
                Timeout = TimeSpan.FromSeconds(5),
                Backends = [new BackendConfig { Host = [backendHost], UrlPattern = "/hook", Method = "POST" }],
            },
            AzureQueue = new AzureQueueDriverOptions
            {
                Queue = "jobs-" + Guid.NewGuid().ToString("N")[..12],
                Connection = setting,
                MessageEncoding = encoding,
                MaxPollingInterval = TimeSpan.FromMilliseconds(500),
            },
        };
    }

    /// <summary>A client of the agent's queue (or of its poison queue) that sends and reads texts as they are.</summary>
    public static QueueClient Queue(AzuriteServer azurite, AsyncAgentConfig agent, bool poison = false) =>
        new(azurite.ConnectionString, agent.AzureQueue!.Queue + (poison ? AzureQueueDriverOptions.PoisonQueueSuffix : ""), AzureQueueMessageSource.ClientOptions());

    /// <summary>Creates the agent's queue and sends each body base64-encoded, as the Functions host expects.</summary>
    public static async Task<QueueClient> SendAsync(AzuriteServer azurite, AsyncAgentConfig agent, IEnumerable<string> bodies)
    {
        var queue = Queue(azurite, agent);
        await queue.CreateIfNotExistsAsync();
        await Parallel.ForEachAsync(bodies, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (body, token) =>
            await queue.SendMessageAsync(Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(body)), token));
        return queue;
    }

    /// <summary>Every text the queue holds, read with the SDK and deleted.</summary>
    public static async Task<List<QueueMessage>> DrainAsync(QueueClient queue)
    {
        var messages = new List<QueueMessage>();
        while ((await queue.ReceiveMessagesAsync(32)).Value is { Length: > 0 } batch)
        {
            foreach (var message in batch)
            {
                messages.Add(message);
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
            }
        }

        return messages;
    }

    /// <summary>The messages visible now, as the service counts them (Azurite's count is exact).</summary>
    public static async Task<int> CountAsync(QueueClient queue) =>
        (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount;
}
