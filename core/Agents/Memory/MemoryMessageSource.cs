namespace Switchyard.Core.Agents.Memory;

/// <summary>
/// The <c>async/memory</c> driver: an agent's connection to the embedded <see cref="MemoryBroker"/>. Starting it
/// declares the exchange and the queue and binds them with the consumer's topic (as the AMQP driver does), then consumes.
/// One source serves one connection: the runner makes a new one to reconnect.
/// </summary>
public sealed class MemoryMessageSource : IMessageSource
{
    private readonly MemoryBroker _broker;
    private readonly string _queue;
    private readonly string _exchange;
    private readonly string _topic;
    private readonly TaskCompletionSource<string> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private MemoryConsumer? _consumer;

    /// <summary>A source for <paramref name="queue"/>, bound to <paramref name="exchange"/> with <paramref name="topic"/>.</summary>
    public MemoryMessageSource(MemoryBroker broker, string queue, string exchange, string topic)
    {
        ArgumentNullException.ThrowIfNull(broker);
        ArgumentException.ThrowIfNullOrEmpty(queue);
        ArgumentNullException.ThrowIfNull(exchange);
        ArgumentNullException.ThrowIfNull(topic);
        (_broker, _queue, _exchange, _topic) = (broker, queue, exchange, topic);
    }

    /// <summary>The source of an agent configured with <c>async/memory</c> (queue name defaults to the agent's name).</summary>
    /// <exception cref="ArgumentException">The agent has no <c>async/memory</c> options.</exception>
    public static MemoryMessageSource Create(MemoryBroker broker, AsyncAgentConfig agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        var options = agent.Memory ?? throw new ArgumentException($"The agent '{agent.Name}' does not use async/memory.", nameof(agent));
        return new MemoryMessageSource(broker, QueueName(agent, options), options.Exchange, agent.Consumer.Topic);
    }

    /// <summary>
    /// Declares an agent's exchange, queue and binding now, so messages published before the agent first connects
    /// (it waits for its backoff first) are kept rather than dropped as unroutable. The host calls it at startup.
    /// </summary>
    public static void Declare(MemoryBroker broker, AsyncAgentConfig agent) => Create(broker, agent).DeclareTopology();

    public Task<string> Closed => _closed.Task;

    public Task StartAsync(MessageHandler handler, int prefetch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        cancellationToken.ThrowIfCancellationRequested();
        if (_consumer is not null)
        {
            throw new InvalidOperationException("A message source is started once; make a new one to reconnect.");
        }

        DeclareTopology();
        _consumer = _broker.Consume(_queue, handler, prefetch);
        _ = _consumer.Closed.ContinueWith(static (closed, state) => ((TaskCompletionSource<string>)state!).TrySetResult(closed.Result), _closed, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return Task.CompletedTask;
    }

    public ValueTask<bool> PingAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult(_broker.IsAvailable && _consumer is { IsClosed: false });

    public Task StopConsumingAsync(CancellationToken cancellationToken)
    {
        _consumer?.StopDelivering();
        return Task.CompletedTask;
    }

    /// <summary>Closes the consumer: its unsettled messages go back to the queue.</summary>
    public ValueTask DisposeAsync()
    {
        _consumer?.Close("closed by the agent");
        _closed.TrySetResult("closed by the agent");
        return ValueTask.CompletedTask;
    }

    private static string QueueName(AsyncAgentConfig agent, MemoryDriverOptions options) =>
        string.IsNullOrEmpty(options.Name) ? agent.Name : options.Name;

    private void DeclareTopology()
    {
        _broker.DeclareExchange(_exchange);
        _broker.DeclareQueue(_queue);
        _broker.Bind(_queue, _exchange, _topic);
    }
}
