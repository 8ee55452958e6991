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
    public static int Number()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
