namespace Switchyard.AgentBench;

/// <summary>One way of consuming a queue into the backend, timed from its start to the last message acknowledged.</summary>
internal interface IQueueDrain
{
    /// <summary>What the results table calls it.</summary>
    string Name { get; }

    /// <summary>Consumes the <paramref name="messages"/> messages of <paramref name="queue"/> with <paramref name="workers"/> at a time.</summary>
    Task<TimeSpan> DrainAsync(string exchange, string queue, int workers, int messages);
}
