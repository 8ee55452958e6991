namespace Switchyard.LoadBench;

/// <summary>
/// nginx as a production-like reverse proxy in front of the backend: two workers, upstream keep-alive (HTTP/1.1, no
/// Connection header passed on), no access log, every path it writes inside its own directory.
/// </summary>
internal static class NginxProxy
{
    public const string Program = "/usr/sbin/nginx";

    public static ChildProcess Start(string directory, int port, int backendPort)
    {
        Directory.CreateDirectory(directory);
        var config = Path.Combine(directory, "nginx.conf");
        File.WriteAllText(config, $$"""
            daemon off;
            worker_processes 2;
            pid {{directory}}/nginx.pid;
            error_log {{directory}}/error.log warn;
            events { worker_connections 4096; }
            http {
              access_log off;
              client_body_temp_path {{directory}}/client_body;
              proxy_temp_path {{directory}}/proxy;
              fastcgi_temp_path {{directory}}/fastcgi;
              uwsgi_temp_path {{directory}}/uwsgi;
              scgi_temp_path {{directory}}/scgi;
              # Kestrel never closes a keep-alive connection after N requests; nginx's default of 1000 would make wrk
              # reconnect during the run.
              keepalive_requests 1000000;
              upstream backend {
                server 127.0.0.1:{{backendPort}};
                keepalive 64;
                keepalive_requests 1000000;
              }
              server {
                listen 127.0.0.1:{{port}};
                location / {
                  proxy_pass http://backend;
                  proxy_http_version 1.1;
                  proxy_set_header Connection "";
                }
              }
            }
            """);
        return ChildProcess.Start("nginx", Program, ["-p", directory + "/", "-c", config, "-e", Path.Combine(directory, "error.log")]);
    }
}
