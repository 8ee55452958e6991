using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Switchyard.Testing;

namespace Switchyard.Functions.Tests.Telemetry;

/// <summary>
/// Application Insights' ingestion endpoint on loopback: it keeps the envelopes the Azure Monitor exporter posts to
/// <c>/v2.1/track</c> (newline-delimited JSON, gzip or not) and accepts them all.
/// </summary>
internal sealed class IngestionEndpoint : IAsyncDisposable
{
    private readonly LoopbackServer _server;
    private readonly ConcurrentQueue<JsonNode> _envelopes;

    private IngestionEndpoint(LoopbackServer server, ConcurrentQueue<JsonNode> envelopes)
    {
        _server = server;
        _envelopes = envelopes;
    }

    /// <summary>A connection string that sends everything here.</summary>
    public string ConnectionString =>
        $"InstrumentationKey=00000000-0000-0000-0000-000000000001;IngestionEndpoint={_server.BaseAddress}";

    public static async Task<IngestionEndpoint> StartAsync()
    {
        var envelopes = new ConcurrentQueue<JsonNode>();
        var server = await LoopbackServer.StartAsync(async context =>
        {
            if (context.Request.Path != "/v2.1/track")
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            var body = context.Request.Headers.ContentEncoding == "gzip"
                ? new GZipStream(context.Request.Body, CompressionMode.Decompress)
                : context.Request.Body;
            using var reader = new StreamReader(body);
            var count = 0;
            while (await reader.ReadLineAsync() is { } line)
            {
                if (line.Length > 0)
                {
                    envelopes.Enqueue(JsonNode.Parse(line)!);
                    count++;
                }
            }

            await context.Response.WriteAsJsonAsync(new JsonObject
            {
                ["itemsReceived"] = count,
                ["itemsAccepted"] = count,
                ["errors"] = new JsonArray(),
            });
        });
        return new IngestionEndpoint(server, envelopes);
    }

    /// <summary>Waits for the first envelope <paramref name="match"/> accepts; throws with what arrived after <paramref name="timeout"/>.</summary>
    public async Task<JsonNode> WaitForAsync(Func<JsonNode, bool> match, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (_envelopes.FirstOrDefault(match) is { } envelope)
            {
                return envelope;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException(
                    $"The envelope expected did not arrive within {timeout.TotalSeconds} s; received: "
                    + string.Join(", ", _envelopes.Select(e => $"{e["name"]}:{e["data"]?["baseData"]?["name"] ?? e["data"]?["baseData"]?["message"]}")));
            }

            await Task.Delay(100);
        }
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
