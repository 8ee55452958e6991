using System.Net;
using System.Net.Sockets;

namespace Switchyard.LoadBench;

/// <summary>A free loopback port, found by binding port 0 (the kernel's choice), released for the server to take.</summary>
internal static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
