using System.Text;
using Microsoft.AspNetCore.Http;

namespace Switchyard.LoadBench;

/// <summary>
/// The backend's one request handler: small JSON objects from precomputed bytes, so the backend costs as little as
/// possible and the proxies in front of it are what differs. Every request but <c>GET /__count</c> is counted, so the
/// orchestrator can tell how many backend calls a gateway request caused. As the telemetry experiment's OTLP sink, it
/// accepts every OTLP/HTTP export (<c>POST /v1/traces</c>, <c>/v1/metrics</c>, <c>/v1/logs</c>) and counts them apart
/// (<c>GET /__otlp</c>), so a run can show that spans were exported.
/// </summary>
internal sealed class BackendResponder(HeavyTailDelay? slow)
{
    private static readonly byte[] Alpha = Utf8("""{"id":1,"name":"alpha","tags":["x","y"]}""");
    private static readonly byte[] Beta = Utf8("""{"id":2,"name":"beta","count":3}""");
    private static readonly byte[] Gamma = Utf8("""{"id":3,"name":"gamma","ok":true}""");
    private static readonly byte[] User = Utf8("""{"user":{"id":7,"name":"ana"}}""");
    private static readonly byte[] Account = Utf8("""{"account":"acc-9","currency":"EUR"}""");
    private static readonly byte[] Audit = Utf8("""{"audited":true,"at":"2026-11-22T10:00:00Z"}""");
    private static readonly byte[] Ledger = Utf8("""{"balance":10.50,"entries":[1,2,3]}""");
    private static readonly byte[] SlowAnswer = Utf8("""{"id":5,"name":"slow"}""");

    private long _served;
    private long _exports;
    private long _exportedBytes;

    public Task RespondAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        if (path == "/__count")
        {
            return WriteAsync(context.Response, Utf8($$"""{"count":{{Interlocked.Read(ref _served)}}}"""));
        }

        if (path == "/__otlp")
        {
            return WriteAsync(context.Response, Utf8($$"""{"exports":{{Interlocked.Read(ref _exports)}},"bytes":{{Interlocked.Read(ref _exportedBytes)}}}"""));
        }

        if (HttpMethods.IsPost(context.Request.Method) && path.StartsWith("/v1/", StringComparison.Ordinal))
        {
            return ExportAsync(context);
        }

        Interlocked.Increment(ref _served);
        if (!HttpMethods.IsGet(context.Request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return Task.CompletedTask;
        }

        if (path == "/slow" && slow is not null)
        {
            return SlowAsync(context, slow);
        }

        if (Body(path) is not { } body)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        return WriteAsync(context.Response, body);
    }

    private static byte[]? Body(string path) => path switch
    {
        "/a" => Alpha,
        "/b" => Beta,
        "/c" => Gamma,
        "/audit" => Audit,
        _ when path.StartsWith("/user/", StringComparison.Ordinal) => User,
        _ when path.StartsWith("/account/", StringComparison.Ordinal) => Account,
        _ when path.StartsWith("/ledger/", StringComparison.Ordinal) => Ledger,
        _ => null,
    };

    // An OTLP/HTTP export: the body read and counted, then 200 with an empty body (an empty protobuf response message:
    // everything accepted).
    private async Task ExportAsync(HttpContext context)
    {
        var buffer = new byte[16 * 1024];
        long bytes = 0;
        int read;
        while ((read = await context.Request.Body.ReadAsync(buffer, context.RequestAborted)) > 0)
        {
            bytes += read;
        }

        Interlocked.Increment(ref _exports);
        Interlocked.Add(ref _exportedBytes, bytes);
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/x-protobuf";
        context.Response.ContentLength = 0;
    }

    private static async Task SlowAsync(HttpContext context, HeavyTailDelay delay)
    {
        // A cancelled race loser (the gateway closes its connection) just stops waiting.
        try
        {
            await delay.WaitAsync(context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        await WriteAsync(context.Response, SlowAnswer);
    }

    private static Task WriteAsync(HttpResponse response, byte[] body)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json";
        response.ContentLength = body.Length;
        return response.Body.WriteAsync(body.AsMemory()).AsTask();
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
