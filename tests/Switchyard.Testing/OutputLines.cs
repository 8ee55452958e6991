using System.Collections.Concurrent;

namespace Switchyard.Testing;

/// <summary>Keeps what a child process writes, line by line, for a test's failure messages.</summary>
public static class OutputLines
{
    /// <summary>Adds <paramref name="line"/> (a <c>DataReceived</c> event's data) unless the stream ended (null).</summary>
    public static void Keep(ConcurrentQueue<string> output, string? line)
    {
        if (line is not null)
        {
            output.Enqueue(line);
        }
    }
}
