using System.Net.Http.Headers;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Switchyard.AgentBench;

/// <summary>
/// The baseline: what one would write by hand with <c>RabbitMQ.Client</c> and <see cref="HttpClient"/> — the same
/// prefetch and dispatch concurrency as the agent's workers, manual ack after a 2xx, nack with requeue otherwise.
/// </summary>
internal sealed class PlainClientDrain(HttpClient http, Uri broker, Uri backend) : IQueueDrain
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    public string Name => "plain RabbitMQ.Client + HttpClient";

    public async Task<TimeSpan> DrainAsync(string exchange, string queue, int workers, int messages)
    {
        var clock = new FirstMessageClock();
        var factory = new ConnectionFactory { Uri = broker, ConsumerDispatchConcurrency = (ushort)workers };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        await channel.BasicQosAsync(0, (ushort)workers, global: false);

        var acked = 0;
        var drained = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += async (_, delivery) =>
        {
            clock.MessageTaken();
            using var content = new ByteArrayContent(delivery.Body.ToArray());
            content.Headers.ContentType = Json;
            using var response = await http.PostAsync(backend, content);
            await response.Content.ReadAsByteArrayAsync();
            if (!response.IsSuccessStatusCode)
            {
                await channel.BasicNackAsync(delivery.DeliveryTag, multiple: false, requeue: true);
                return;
            }

            await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false);
            if (Interlocked.Increment(ref acked) == messages)
            {
                drained.TrySetResult();
            }
        };
        await channel.BasicConsumeAsync(queue, autoAck: false, consumer);
        await drained.Task.WaitAsync(Patience);
        var elapsed = clock.Elapsed;
        await channel.CloseAsync();
        await connection.CloseAsync();
        return elapsed;
    }
}
