using System.Buffers;
using Switchyard.Core.Encoding;
using Microsoft.AspNetCore.Http;
using Switchyard.Functions.Hosting;
using Switchyard.Functions.Routing;

namespace Switchyard.Functions.BuiltIn;

/// <summary>
/// KrakenD's <c>/__echo/*</c> (served when <c>echo_endpoint</c> is on): any method, 200 with the request as Go's
/// server saw it, fields in this order: <c>req_uri</c> (the raw target), <c>req_uri_details</c> (<c>fragment</c>,
/// <c>host</c>, <c>path</c>, <c>query</c>, <c>user</c>), <c>req_method</c>, <c>req_querystring</c>, <c>req_body</c>
/// (the raw body as a string), <c>req_headers</c>. A body over <see cref="RequestBody.MaxBytes"/> is answered 413.
/// </summary>
public sealed class EchoEndpoint
{
    /// <summary>The route to register with <see cref="RouteMethods.Any"/>; <c>/__echo</c> redirects to <c>/__echo/</c>.</summary>
    public const string Pattern = "/__echo/*";

    /// <summary>Answers the request.</summary>
    public async Task HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        var body = await RequestBody.ReadAsync(request, RequestBody.MaxBytes, context.RequestAborted).ConfigureAwait(false);
        if (body is not { } read)
        {
            await RequestBody.WriteTooLargeAsync(context.Response).ConfigureAwait(false);
            return;
        }

        var target = RequestTarget.From(request);
        var query = GoQuery.Parse(target.RawQuery);
        var buffer = new ArrayBufferWriter<byte>(1024 + read.Count);
        var json = new GoJsonWriter(buffer);
        json.WriteStartObject();
        json.WriteString("req_uri", target.RequestUri);

        // A server-side Go URL never has a fragment or user; the host is the request's Host header.
        json.WritePropertyName("req_uri_details");
        json.WriteStartObject();
        json.WriteString("fragment", "");
        json.WriteString("host", request.Host.Value ?? "");
        json.WriteString("path", target.Path);
        json.WriteString("query", GoQuery.Encode(query));
        json.WriteString("user", "");
        json.WriteEndObject();

        json.WriteString("req_method", request.Method);
        json.WritePropertyName("req_querystring");
        WriteValues(json, query);
        json.WritePropertyName("req_body");
        json.WriteStringValue(read.AsSpan());
        json.WritePropertyName("req_headers");
        WriteValues(json, CanonicalHeaders(request.Headers));
        json.WriteEndObject();
        await GoJsonResponse.WriteAsync(context.Response, buffer.WrittenMemory).ConfigureAwait(false);
    }

    // Go's server moves Host out of the header map and consumes a chunked Transfer-Encoding, so neither is echoed.
    private static SortedDictionary<string, List<string>> CanonicalHeaders(IHeaderDictionary headers)
    {
        var canonical = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (name, values) in headers)
        {
            if (name.Equals("Host", StringComparison.OrdinalIgnoreCase)
                || name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var key = GoHeaderName.Canonicalize(name);
            if (!canonical.TryGetValue(key, out var list))
            {
                list = [];
                canonical.Add(key, list);
            }

            foreach (var value in values)
            {
                list.Add(value ?? "");
            }
        }

        return canonical;
    }

    private static void WriteValues(GoJsonWriter json, SortedDictionary<string, List<string>> values)
    {
        json.WriteStartObject();
        foreach (var (key, list) in values)
        {
            json.WritePropertyName(key);
            json.WriteStartArray();
            foreach (var value in list)
            {
                json.WriteStringValue(value);
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }
}
