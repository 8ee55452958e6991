using System.Net;
using System.Text;

namespace Switchyard.Benchmarks;

/// <summary>
/// Backends answered in memory, by path, so a benchmark measures the gateway's own work per request (composition,
/// merging, formatting, parameters) and not sockets. Both variants of a comparison call the same backends.
/// </summary>
internal sealed class CannedBackends(IReadOnlyDictionary<string, string> bodies) : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = bodies.TryGetValue(request.RequestUri!.AbsolutePath, out var found) ? found : "{}";
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        });
    }
}
