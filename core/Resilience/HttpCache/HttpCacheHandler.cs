using System.Buffers;
using System.Net;
using Switchyard.Core.Configuration;
using Switchyard.Core.Telemetry.Metrics;
using Switchyard.Core.Telemetry.Tracing;

namespace Switchyard.Core.Resilience.HttpCache;

/// <summary>
/// The <c>qos/http-cache</c> layer of a backend's client, KrakenD's private RFC 9111-style cache: GET and HEAD
/// requests without <c>Range</c> are answered from the store while fresh, revalidated when stale, and their responses
/// stored unless the request or the response says <c>no-store</c>. The key is the full backend URL (<c>HEAD url</c>
/// for HEAD); any other method only drops its own key. Concurrent misses for one key make one backend call: the
/// others wait for it and are served from what it stored. How each call was answered is counted
/// (<see cref="HttpCacheMetrics"/>) and set on its backend span (<c>switchyard.cache</c>): <c>hit</c>, <c>miss</c>,
/// <c>revalidated</c>, <c>stale</c> when a stored answer stands in for a failing backend, or <c>bypass</c>.
/// </summary>
/// <remarks>
/// Unlike KrakenD, a response to a request that carries <c>Authorization</c> (a client's forwarded credentials) is
/// stored only when the response allows a shared cache to (<c>public</c>, <c>s-maxage</c>, <c>must-revalidate</c>;
/// RFC 9111 section 3.5): the store serves every client of the gateway, and one client's answer must not reach another.
/// </remarks>
internal sealed class HttpCacheHandler(HttpCacheStore store, TimeProvider time, HttpCacheMetrics metrics) : DelegatingHandler
{
    /// <summary>The cache of <paramref name="backend"/>: its own store, or the process-wide one when it is shared.</summary>
    public static HttpCacheHandler Create(BackendConfig backend, HttpCacheOptions options, BackendStates states)
    {
        var store = options.Shared
            ? states.Shared(NamespaceAliases.QosHttpCache, () => new HttpCacheStore(options))
            : states.For(backend, _ => new HttpCacheStore(options));
        return new HttpCacheHandler(store, states.Time, new HttpCacheMetrics(backend));
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var url = request.RequestUri!.AbsoluteUri;
        var method = request.Method;
        var key = method == HttpMethod.Get ? url : method.Method + " " + url;
        if ((method != HttpMethod.Get && method != HttpMethod.Head) || request.Headers.Range is not null)
        {
            store.Remove(key);
            Report(HttpCacheMetrics.Bypass);
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var control = CacheControl.Of(request.Headers);
        var (stored, freshness) = Lookup(key, request, control);
        if (freshness == Freshness.Fresh)
        {
            Report(HttpCacheMetrics.Hit);
            return stored!.ToMessage(request);
        }

        if (stored is null && control.Has("only-if-cached"))
        {
            Report(HttpCacheMetrics.Miss);
            return new HttpResponseMessage(HttpStatusCode.GatewayTimeout) { RequestMessage = request };
        }

        if (freshness == Freshness.Transparent)
        {
            return await FetchAsync(key, request, control, stored: null, cancellationToken).ConfigureAwait(false);
        }

        var leader = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (store.JoinOrLead(key, leader) is { } running)
        {
            await running.WaitAsync(cancellationToken).ConfigureAwait(false);
            (stored, freshness) = Lookup(key, request, control);
            if (freshness == Freshness.Fresh)
            {
                Report(HttpCacheMetrics.Hit);
                return stored!.ToMessage(request);
            }

            return await FetchAsync(key, request, control, stored, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            return await FetchAsync(key, request, control, stored, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            store.Finish(key, leader);
        }
    }

    // The stored response usable for this request (its Vary values match), and how fresh it is; (null, Stale) on a miss.
    private (CachedResponse? Stored, Freshness Freshness) Lookup(string key, HttpRequestMessage request, CacheControl control) =>
        store.TryGet(key, out var stored) && stored.VaryMatches(request)
            ? (stored, CacheFreshness.Of(stored, control, time.GetUtcNow()))
            : (null, control.Has("no-cache") ? Freshness.Transparent : Freshness.Stale);

    private async Task<HttpResponseMessage> FetchAsync(
        string key, HttpRequestMessage request, CacheControl control, CachedResponse? stored, CancellationToken cancellationToken)
    {
        if (stored is not null)
        {
            AddValidators(request, stored);
        }

        var requestTime = time.GetUtcNow();
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException) when (stored is not null && request.Method == HttpMethod.Get && CacheFreshness.MayServeOnError(stored, control, time.GetUtcNow()))
        {
            Report(HttpCacheMetrics.Stale);
            return stored.ToMessage(request);
        }

        var responseTime = time.GetUtcNow();
        if (stored is not null && request.Method == HttpMethod.Get)
        {
            if (response.StatusCode == HttpStatusCode.NotModified)
            {
                var refreshed = stored.Refreshed(response, request, requestTime, responseTime);
                response.Dispose();
                Keep(key, request, control, refreshed);
                Report(HttpCacheMetrics.Revalidated);
                return refreshed.ToMessage(request);
            }

            if ((int)response.StatusCode >= 500 && CacheFreshness.MayServeOnError(stored, control, responseTime))
            {
                response.Dispose();
                Report(HttpCacheMetrics.Stale);
                return stored.ToMessage(request);
            }
        }

        Report(HttpCacheMetrics.Miss);

        var responseControl = CacheControl.Of(response.Headers);
        if (!MayStore(request, control, responseControl)
            || !CouldAnswerAgain(response, responseControl)
            || response.Content.Headers.ContentLength > store.MaxSize)
        {
            store.Remove(key);
            return response;
        }

        var body = await ReadUpToAsync(response, store.MaxSize, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            store.Remove(key);
            return response;
        }

        using (response)
        {
            var fetched = CachedResponse.From(response, body, request, requestTime, responseTime);
            Keep(key, request, control, fetched);
            return fetched.ToMessage(request);
        }
    }

    // A response the store could never answer with again is passed on as it is: without a Date it is always stale,
    // without a lifetime it is stale at once, and with no validator to revalidate it and no stale-if-error it could only
    // be replaced. Copying its body into the store would cost every call and serve none (the hot path's cache miss).
    private void Report(string outcome)
    {
        metrics.Record(outcome);
        CurrentSpan.Tag(SpanAttributes.Cache, outcome);
    }

    private static bool CouldAnswerAgain(HttpResponseMessage response, CacheControl control) =>
        (response.Headers.Date is not null
            && (control.Seconds("max-age") is { } maxAge ? maxAge > TimeSpan.Zero : response.Content.Headers.Contains("Expires")))
        || response.Headers.ETag is not null
        || response.Content.Headers.Contains("Last-Modified")
        || control.Has("stale-if-error");

    // The whole body when it is at most `limit` bytes; otherwise null, and the response's content is replaced by one
    // that streams what was read and then the rest, so a body too large to store is never held in memory.
    private static async Task<byte[]?> ReadUpToAsync(HttpResponseMessage response, long limit, CancellationToken cancellationToken)
    {
        var source = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var buffer = new MemoryStream(response.Content.Headers.ContentLength is { } length ? (int)Math.Min(length, int.MaxValue) : 0);
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await source.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > limit)
                {
                    var streamed = new StreamContent(new BufferedPrefixStream(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), source));
                    foreach (var (name, values) in response.Content.Headers)
                    {
                        streamed.Headers.TryAddWithoutValidation(name, values);
                    }

                    response.Content = streamed;
                    return null;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        await source.DisposeAsync().ConfigureAwait(false);
        return buffer.Length == buffer.Capacity ? buffer.GetBuffer() : buffer.ToArray();
    }

    private void Keep(string key, HttpRequestMessage request, CacheControl control, CachedResponse response)
    {
        if (MayStore(request, control, response.Control))
        {
            store.Set(key, response);
        }
        else
        {
            store.Remove(key);
        }
    }

    private static bool MayStore(HttpRequestMessage request, CacheControl requestControl, CacheControl responseControl) =>
        !requestControl.Has("no-store")
        && !responseControl.Has("no-store")
        && (request.Headers.Authorization is null
            || responseControl.Has("public") || responseControl.Has("s-maxage") || responseControl.Has("must-revalidate"));

    // A stale response is revalidated: the backend answers 304 when it still holds.
    private static void AddValidators(HttpRequestMessage request, CachedResponse stored)
    {
        if (stored.ETag is { } etag && !request.Headers.Contains("If-None-Match"))
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        }

        if (stored.LastModified is { } lastModified && !request.Headers.Contains("If-Modified-Since"))
        {
            request.Headers.TryAddWithoutValidation("If-Modified-Since", lastModified);
        }
    }
}
