using System.Globalization;
using System.Net;
using System.Net.Http.Headers;

namespace Switchyard.Core.Resilience.HttpCache;

/// <summary>
/// A stored backend response: its status, headers and whole body, when it was asked for and received, and the request
/// header values its <c>Vary</c> names. Immutable: every caller served from it gets a message of its own
/// (<see cref="ToMessage"/>) over the same bytes.
/// </summary>
internal sealed class CachedResponse
{
    private static readonly HashSet<string> HopByHop = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Proxy-Authenticate", "Proxy-Authorization", "TE", "Trailer", "Trailers", "Transfer-Encoding", "Upgrade",
    };

    private readonly KeyValuePair<string, string[]>[] _headers;
    private readonly KeyValuePair<string, string[]>[] _contentHeaders;
    private readonly byte[] _body;
    private readonly HttpStatusCode _status;
    private readonly string? _reason;
    private readonly Version _version;

    private CachedResponse(HttpResponseMessage response, byte[] body, IReadOnlyDictionary<string, string> vary, DateTimeOffset requestTime, DateTimeOffset responseTime)
    {
        _status = response.StatusCode;
        _reason = response.ReasonPhrase;
        _version = response.Version;
        _headers = [.. response.Headers.Select(header => KeyValuePair.Create(header.Key, header.Value.ToArray()))];
        _contentHeaders = [.. response.Content.Headers.Select(header => KeyValuePair.Create(header.Key, header.Value.ToArray()))];
        _body = body;
        Vary = vary;
        RequestTime = requestTime;
        ResponseTime = responseTime;
        Control = CacheControl.Of(response.Headers);
        Date = response.Headers.Date;
        Expires = ExpiresOf(response.Content.Headers);
        Age = response.Headers.Age ?? TimeSpan.Zero;
        ETag = response.Headers.ETag?.ToString();
        LastModified = FirstValue(_contentHeaders, "Last-Modified");
        Weight = body.LongLength + _headers.Concat(_contentHeaders).Sum(header => header.Key.Length + header.Value.Sum(value => (long)value.Length));
    }

    /// <summary>The response's own <c>Cache-Control</c>.</summary>
    public CacheControl Control { get; }

    /// <summary>Its <c>Date</c>; without one it is always stale, as KrakenD's cache treats it.</summary>
    public DateTimeOffset? Date { get; }

    /// <summary>Its <c>Expires</c>; an invalid one (<c>0</c>) is a time already past.</summary>
    public DateTimeOffset? Expires { get; }

    /// <summary>Its <c>Age</c> (the time it spent in caches before the backend's answer reached this one).</summary>
    public TimeSpan Age { get; }

    public string? ETag { get; }

    public string? LastModified { get; }

    /// <summary>The values of the request headers its <c>Vary</c> names (<c>*</c> matches no request).</summary>
    public IReadOnlyDictionary<string, string> Vary { get; }

    public DateTimeOffset RequestTime { get; }

    public DateTimeOffset ResponseTime { get; }

    /// <summary>What it costs the store: the body and the headers, in bytes (characters).</summary>
    public long Weight { get; }

    public static CachedResponse From(HttpResponseMessage response, byte[] body, HttpRequestMessage request, DateTimeOffset requestTime, DateTimeOffset responseTime)
    {
        var vary = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (response.Headers.TryGetValues("Vary", out var names))
        {
            foreach (var name in names.SelectMany(value => value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
            {
                vary[name] = RequestValue(request, name);
            }
        }

        return new CachedResponse(response, body, vary, requestTime, responseTime);
    }

    /// <summary>True when <paramref name="request"/> sends the same values for every header <c>Vary</c> names.</summary>
    public bool VaryMatches(HttpRequestMessage request) =>
        Vary.All(pair => pair.Key != "*" && string.Equals(pair.Value, RequestValue(request, pair.Key), StringComparison.Ordinal));

    /// <summary>A message of its own for <paramref name="request"/>, over the stored bytes.</summary>
    public HttpResponseMessage ToMessage(HttpRequestMessage request)
    {
        var message = new HttpResponseMessage(_status)
        {
            ReasonPhrase = _reason,
            Version = _version,
            RequestMessage = request,
            Content = new ReadOnlyMemoryContent(_body),
        };
        foreach (var (name, values) in _headers)
        {
            message.Headers.TryAddWithoutValidation(name, values);
        }

        foreach (var (name, values) in _contentHeaders)
        {
            message.Content.Headers.TryAddWithoutValidation(name, values);
        }

        return message;
    }

    /// <summary>
    /// This response with the end-to-end headers of <paramref name="notModified"/> (a 304 answering its revalidation),
    /// received at <paramref name="responseTime"/>.
    /// </summary>
    public CachedResponse Refreshed(HttpResponseMessage notModified, HttpRequestMessage request, DateTimeOffset requestTime, DateTimeOffset responseTime)
    {
        using var message = ToMessage(request);
        var connectionListed = notModified.Headers.Connection.ToHashSet(StringComparer.OrdinalIgnoreCase);
        Replace(message.Headers, notModified.Headers, connectionListed);
        Replace(message.Content!.Headers, notModified.Content.Headers, connectionListed);
        return From(message, _body, request, requestTime, responseTime);
    }

    // The end-to-end headers of a 304 replace the stored ones of the same name (RFC 9111 section 4.3.4).
    private static void Replace(HttpHeaders stored, HttpHeaders fresh, HashSet<string> connectionListed)
    {
        foreach (var (name, values) in fresh)
        {
            if (HopByHop.Contains(name) || connectionListed.Contains(name) || name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            stored.Remove(name);
            stored.TryAddWithoutValidation(name, values);
        }
    }

    private static string RequestValue(HttpRequestMessage request, string name) =>
        request.Headers.TryGetValues(name, out var values) || (request.Content?.Headers.TryGetValues(name, out values) ?? false)
            ? string.Join(", ", values)
            : "";

    private static DateTimeOffset? ExpiresOf(HttpContentHeaders headers)
    {
        if (FirstValue(headers.Select(header => KeyValuePair.Create(header.Key, header.Value.ToArray())), "Expires") is not { } text)
        {
            return null;
        }

        // RFC 9111 section 5.3: an invalid date, "0" in particular, means already expired.
        return DateTimeOffset.TryParseExact(text, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var expires)
            ? expires
            : DateTimeOffset.MinValue;
    }

    private static string? FirstValue(IEnumerable<KeyValuePair<string, string[]>> headers, string name) =>
        headers.FirstOrDefault(header => header.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();
}
