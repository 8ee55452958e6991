using System.Net.Http.Headers;

namespace Switchyard.Core.Modifiers.Martian;

/// <summary>
/// The headers of a backend request or response as martian sees them, one collection over .NET's two (message and
/// content headers), with the <c>Host</c> of a request read and written as Go's <c>req.Host</c> (martian's
/// <c>proxyutil.Header</c>). A response has no <c>Host</c>: reading it gives nothing and writing it does nothing.
/// Values are kept exactly as written, never parsed.
/// </summary>
internal sealed class MessageHeaders
{
    private const string HostHeader = "Host";

    // The headers .NET keeps on the content rather than on the message.
    private static readonly HashSet<string> ContentHeaderNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "Allow", "Content-Disposition", "Content-Encoding", "Content-Language", "Content-Length", "Content-Location",
        "Content-MD5", "Content-Range", "Content-Type", "Expires", "Last-Modified",
    };

    private readonly HttpHeaders _headers;
    private readonly Func<bool, HttpContentHeaders?> _contentHeaders;
    private readonly MartianRequest? _request;

    private MessageHeaders(HttpHeaders headers, Func<bool, HttpContentHeaders?> contentHeaders, MartianRequest? request)
    {
        _headers = headers;
        _contentHeaders = contentHeaders;
        _request = request;
    }

    /// <summary>The headers of <paramref name="request"/>; a content header written to a bodiless request gives it an empty body.</summary>
    public static MessageHeaders Of(MartianRequest request) =>
        new(request.Message.Headers, create => ContentHeaders(request.Message, create), request);

    public static MessageHeaders Of(HttpResponseMessage response) =>
        new(response.Headers, _ => response.Content.Headers, request: null);

    /// <summary>The first value of <paramref name="name"/>, or <c>""</c> (Go's <c>Header.Get</c>).</summary>
    public string Get(string name) => All(name) is [var first, ..] ? first : "";

    /// <summary>Every value of <paramref name="name"/>; empty when it is absent.</summary>
    public IReadOnlyList<string> All(string name)
    {
        if (IsHost(name))
        {
            return _request is { Host.Length: > 0 } request ? [request.Host] : [];
        }

        var headers = CollectionOf(name, create: false);
        return headers is not null && headers.NonValidated.TryGetValues(name, out var values) ? [.. values] : [];
    }

    /// <summary>Replaces every value of <paramref name="name"/> with <paramref name="value"/>.</summary>
    public void Set(string name, string value)
    {
        if (IsHost(name))
        {
            _request?.Host = value;
            return;
        }

        var headers = CollectionOf(name, create: true)!;
        headers.Remove(name);
        headers.TryAddWithoutValidation(name, value);
    }

    /// <summary>Adds <paramref name="value"/> after the values <paramref name="name"/> has.</summary>
    public void Add(string name, string value)
    {
        if (IsHost(name))
        {
            // The configuration refuses a second Host on requests; a response has none.
            return;
        }

        CollectionOf(name, create: true)!.TryAddWithoutValidation(name, value);
    }

    public void Remove(string name)
    {
        if (IsHost(name))
        {
            _request?.Host = "";
            return;
        }

        CollectionOf(name, create: false)?.Remove(name);
    }

    /// <summary>Whether <paramref name="name"/> is the header martian reads and writes as the request's host.</summary>
    public static bool IsHost(string name) => name.Equals(HostHeader, StringComparison.OrdinalIgnoreCase);

    private HttpHeaders? CollectionOf(string name, bool create) =>
        ContentHeaderNames.Contains(name) ? _contentHeaders(create) : _headers;

    private static HttpContentHeaders? ContentHeaders(HttpRequestMessage message, bool create)
    {
        if (message.Content is null && create)
        {
            message.Content = new ByteArrayContent([]);
        }

        return message.Content?.Headers;
    }
}
