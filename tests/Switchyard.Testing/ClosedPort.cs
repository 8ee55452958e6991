using System.Net;
using System.Net.Sockets;

namespace Switchyard.Testing;

/// <summary>A loopback address nothing listens on: a backend that is down, or a free port for a server to take.</summary>
public static class ClosedPort
{
    /// <summary>
    /// <c>http://127.0.0.1:PORT</c> for a port the system just handed out and that was released at once, so a
    /// connection to it is refused.
    /// </summary>
    public static string Host() => $"http://127.0.0.1:{Number()}";

    /// <summary>
    /// A loopback port the system just handed out and that was released at once: free for a server started right
    /// after (another process may take it in between, which is rare).
    /// </summary>
    public static int Number() => Numbers(1)[0];

    /// <summary>
    /// <paramref name="count"/> different loopback ports, free like <see cref="Number"/>'s: all are held at once
    /// while the system hands them out, so none comes twice.
    /// </summary>
    public static IReadOnlyList<int> Numbers(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var listeners = new List<TcpListener>(count);
        try
        {
            for (var i = 0; i < count; i++)
            {
                var listener = new TcpListener(IPAddress.Loopback, 0);
                listeners.Add(listener);
                listener.Start();
            }

            return listeners.Select(listener => ((IPEndPoint)listener.LocalEndpoint).Port).ToList();
        }
        finally
        {
            foreach (var listener in listeners)
            {
                listener.Dispose();
            }
        }
    }
}
