using System.Diagnostics;

namespace Switchyard.Core.Tests.Agents.Amqp;

/// <summary>Polls a broker-side value that settles shortly after an action (a count after acks reach the broker).</summary>
internal static class Eventually
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    /// <summary>The first value that satisfies <paramref name="done"/>, or the last one read after 5 s.</summary>
    public static async Task<T> ValueAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var value = await read();
            if (done(value) || clock.Elapsed >= Patience)
            {
                return value;
            }

            await Task.Delay(50);
        }
    }
}
