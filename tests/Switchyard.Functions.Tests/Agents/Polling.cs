using System.Diagnostics;

namespace Switchyard.Functions.Tests.Agents;

/// <summary>Waits for what gateway processes make true in the background, failing the test when it does not come in time.</summary>
internal static class Polling
{
    /// <summary>Polls <paramref name="done"/> every <paramref name="interval"/> until it holds, for at most <paramref name="patience"/>.</summary>
    public static async Task UntilAsync(Func<Task<bool>> done, TimeSpan patience, TimeSpan interval, Func<string> because)
    {
        var clock = Stopwatch.StartNew();
        while (!await done())
        {
            clock.Elapsed.Should().BeLessThan(patience, because());
            await Task.Delay(interval);
        }
    }
}
