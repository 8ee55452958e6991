using Azure.Storage.Queues;

namespace Switchyard.Core.Agents.AzureQueue;

/// <summary>
/// The <c>&lt;queue&gt;-poison</c> queue of one agent, created the first time a message goes there (as the Functions
/// host does), so a queue that never poisons anything has no poison queue.
/// </summary>
internal sealed class AzureQueuePoison(QueueClient poison)
{
    private int _created;

    public string Name => poison.Name;

    /// <summary>Sends <paramref name="text"/> as it is (the client encodes nothing).</summary>
    public async Task SendAsync(string text)
    {
        if (Volatile.Read(ref _created) == 0)
        {
            await poison.CreateIfNotExistsAsync().ConfigureAwait(false);
            Volatile.Write(ref _created, 1);
        }

        await poison.SendMessageAsync(text).ConfigureAwait(false);
    }
}
