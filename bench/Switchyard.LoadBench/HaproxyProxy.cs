namespace Switchyard.LoadBench;

/// <summary>
/// HAProxy as a production-like reverse proxy in front of the backend: two threads, HTTP mode, server connections
/// reused across client connections (<c>http-reuse always</c>), no logging, in the foreground (<c>-db</c>).
/// </summary>
internal static class HaproxyProxy
{
    public const string Program = "/usr/sbin/haproxy";

    public static ChildProcess Start(string directory, int port, int backendPort)
    {
        Directory.CreateDirectory(directory);
        var config = Path.Combine(directory, "haproxy.cfg");
        File.WriteAllText(config, $"""
            global
              nbthread 2
              maxconn 4096

            defaults
              mode http
              option http-keep-alive
              http-reuse always
              timeout connect 5s
              timeout client 30s
              timeout server 30s
              timeout http-keep-alive 30s

            frontend bench
              bind 127.0.0.1:{port}
              default_backend backend

            backend backend
              server b1 127.0.0.1:{backendPort}

            """);
        return ChildProcess.Start("HAProxy", Program, ["-f", config, "-db"], directory);
    }
}
