using Microsoft.AspNetCore.Http;

namespace Switchyard.Core.Tests.Resilience.HttpCache;

/// <summary>
/// <c>qos/http-cache</c> in a backend's real client against a real loopback backend, with the cache's clock (and the
/// backend's <c>Date</c>) in the test's hands.
/// </summary>
public sealed class HttpCacheHandlerTests : IAsyncLifetime
{
    private CacheBackend _backend = null!;

    public async Task InitializeAsync() => _backend = await CacheBackend.StartAsync();

    public async Task DisposeAsync() => await _backend.DisposeAsync();

    [Fact]
    public async Task A_max_age_answer_is_served_from_the_cache_until_it_expires()
    {
        var client = _backend.Clients("{}")[0];

        for (var i = 0; i < 5; i++)
        {
            var (status, body, _) = await _backend.GetAsync(client, "/fresh?q=1");
            (status, body).Should().Be((200, "/fresh"));
        }

        _backend.Calls("/fresh").Should().Be(1, "max-age=60 keeps the answer fresh for a minute");

        _backend.Clock.Advance(TimeSpan.FromSeconds(59));
        await _backend.GetAsync(client, "/fresh?q=1");
        _backend.Calls("/fresh").Should().Be(1, "59 s old is still fresh");

        _backend.Clock.Advance(TimeSpan.FromSeconds(2));
        await _backend.GetAsync(client, "/fresh?q=1");
        _backend.Calls("/fresh").Should().Be(2, "61 s old is stale and has no validator: fetched again");

        await _backend.GetAsync(client, "/fresh?q=2");
        _backend.Calls("/fresh").Should().Be(3, "the query is part of the key");
    }

    [Theory]
    [InlineData("no-store, max-age=60", "the response says no-store")]
    [InlineData(null, "no lifetime: stale at once")]
    [InlineData("no-cache, max-age=60", "no-cache makes it revalidate every time, and it has no validator")]
    public async Task Answers_the_cache_may_not_reuse_reach_the_backend_every_time(string? cacheControl, string reason)
    {
        _backend.Respond = context => CacheBackend.Answer(context, cacheControl, "body");
        var client = _backend.Clients("{}")[0];

        for (var i = 0; i < 3; i++)
        {
            (await _backend.GetAsync(client, "/each")).Body.Should().Be("body");
        }

        _backend.Calls("/each").Should().Be(3, reason);
    }

    [Fact]
    public async Task An_answer_the_cache_could_never_answer_with_again_is_not_copied_into_it()
    {
        _backend.Respond = context =>
        {
            if (context.Request.Path == "/validated")
            {
                context.Response.Headers.ETag = "\"v1\"";
            }

            return CacheBackend.Answer(context, null, "body");
        };
        var client = _backend.Clients("{}")[0];

        await _backend.GetAsync(client, "/plain");
        await _backend.GetAsync(client, "/validated");

        (await _backend.GetAsync(client, "/plain", ("Cache-Control", "only-if-cached"))).Status.Should().Be(
            504, "no lifetime, no validator, no stale-if-error: a stored copy could serve no one, so none was made");
        (await _backend.GetAsync(client, "/validated", ("Cache-Control", "only-if-cached"))).Body.Should().Be(
            "body", "an ETag lets the stored copy be revalidated: it is kept");
    }

    [Fact]
    public async Task A_request_saying_no_store_or_no_cache_is_not_served_from_the_cache()
    {
        var client = _backend.Clients("{}")[0];
        await _backend.GetAsync(client, "/r", ("Cache-Control", "no-store"));
        await _backend.GetAsync(client, "/r");
        _backend.Calls("/r").Should().Be(2, "a no-store request leaves nothing stored");

        await _backend.GetAsync(client, "/r", ("Cache-Control", "no-cache"));
        _backend.Calls("/r").Should().Be(3, "no-cache asks the backend");
        await _backend.GetAsync(client, "/r");
        _backend.Calls("/r").Should().Be(3, "what it fetched was stored");
    }

    [Fact]
    public async Task Fifty_concurrent_misses_make_one_backend_call_and_each_caller_gets_its_own_response()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _backend.Respond = async context =>
        {
            await release.Task.WaitAsync(TimeSpan.FromSeconds(30));
            await CacheBackend.Answer(context, "max-age=60", "slow");
        };
        var client = _backend.Clients("{}")[0];

        var calls = Enumerable.Range(0, 50).Select(_ => Task.Run(() => _backend.GetAsync(client, "/slow"))).ToArray();
        await WaitUntil(() => _backend.Calls("/slow") >= 1);
        await Task.Delay(300); // the other 49 are queued behind the first by now, or arrive after it stored the answer
        release.SetResult();
        var answers = await Task.WhenAll(calls);

        _backend.Calls("/slow").Should().Be(1);
        answers.Should().OnlyContain(answer => answer.Status == 200 && answer.Body == "slow");
        answers.Select(answer => answer.Response).Distinct().Should().HaveCount(50, "every caller owns its message");
    }

    [Theory]
    [InlineData("""{"shared": true}""", 1)]
    [InlineData("{}", 2)]
    public async Task Two_endpoints_share_answers_only_through_the_shared_store(string cache, int expectedCalls)
    {
        var clients = _backend.Clients(cache, endpoints: 2);

        await _backend.GetAsync(clients[0], "/same");
        await _backend.GetAsync(clients[1], "/same");
        await _backend.GetAsync(clients[1], "/same");

        _backend.Calls("/same").Should().Be(expectedCalls);
    }

    [Fact]
    public async Task Max_items_evicts_the_least_recently_used_answer()
    {
        var client = _backend.Clients("""{"max_items": 2}""")[0];
        await _backend.GetAsync(client, "/1");
        await _backend.GetAsync(client, "/2");
        await _backend.GetAsync(client, "/1"); // "/2" is now the least recently used
        await _backend.GetAsync(client, "/3");

        await _backend.GetAsync(client, "/1");
        await _backend.GetAsync(client, "/2");

        (_backend.Calls("/1"), _backend.Calls("/2"), _backend.Calls("/3")).Should().Be((1, 2, 1));
    }

    [Fact]
    public async Task Max_size_evicts_answers_and_never_stores_one_larger_than_itself()
    {
        _backend.Respond = context => CacheBackend.Answer(
            context, "max-age=60", new string('x', context.Request.Path == "/huge" ? 5000 : 1200));
        var client = _backend.Clients("""{"max_size": 2048}""")[0];

        await _backend.GetAsync(client, "/a");
        await _backend.GetAsync(client, "/b"); // two bodies of 1200 bytes do not fit in 2048: "/a" goes
        await _backend.GetAsync(client, "/a");
        await _backend.GetAsync(client, "/huge");
        await _backend.GetAsync(client, "/huge");

        (_backend.Calls("/a"), _backend.Calls("/b"), _backend.Calls("/huge")).Should().Be((2, 1, 2));
    }

    [Fact]
    public async Task A_chunked_body_larger_than_max_size_reaches_the_caller_whole_and_is_not_stored()
    {
        var large = string.Concat(Enumerable.Range(0, 2000).Select(i => i.ToString("D5", System.Globalization.CultureInfo.InvariantCulture)));
        _backend.Respond = async context =>
        {
            context.Response.Headers.CacheControl = "max-age=60";
            for (var offset = 0; offset < large.Length; offset += 1000)
            {
                await context.Response.WriteAsync(large.Substring(offset, 1000), context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted); // no Content-Length: chunked
            }
        };
        var client = _backend.Clients("""{"max_size": 4096}""")[0];

        var (_, first, _) = await _backend.GetAsync(client, "/chunked");
        var (_, second, _) = await _backend.GetAsync(client, "/chunked");

        first.Should().Be(large, "what was read up to the bound, then the rest of the stream");
        second.Should().Be(large);
        _backend.Calls("/chunked").Should().Be(2);
    }

    [Fact]
    public async Task Vary_keeps_answers_apart_by_the_named_request_header()
    {
        _backend.Respond = context =>
        {
            context.Response.Headers.Vary = "X-Tenant";
            return CacheBackend.Answer(context, "max-age=60", "tenant " + context.Request.Headers["X-Tenant"]);
        };
        var client = _backend.Clients("{}")[0];

        (await _backend.GetAsync(client, "/v", ("X-Tenant", "a"))).Body.Should().Be("tenant a");
        (await _backend.GetAsync(client, "/v", ("X-Tenant", "a"))).Body.Should().Be("tenant a");
        _backend.Calls("/v").Should().Be(1);

        (await _backend.GetAsync(client, "/v", ("X-Tenant", "b"))).Body.Should().Be("tenant b", "tenant a's answer must not reach tenant b");
        _backend.Calls("/v").Should().Be(2);
    }

    [Fact]
    public async Task A_stale_answer_is_revalidated_and_a_304_serves_the_stored_body_with_refreshed_headers()
    {
        var revision = 0;
        _backend.Respond = context =>
        {
            revision++;
            context.Response.Headers.ETag = "\"v1\"";
            context.Response.Headers["X-Revision"] = revision.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (context.Request.Headers.IfNoneMatch == "\"v1\"")
            {
                context.Response.Headers.CacheControl = "max-age=10";
                context.Response.StatusCode = StatusCodes.Status304NotModified;
                return Task.CompletedTask;
            }

            return CacheBackend.Answer(context, "max-age=10", "original body");
        };
        var client = _backend.Clients("{}")[0];
        await _backend.GetAsync(client, "/etag");

        _backend.Clock.Advance(TimeSpan.FromSeconds(11));
        var (status, body, response) = await _backend.GetAsync(client, "/etag");

        (status, body).Should().Be((200, "original body"));
        response.Headers.GetValues("X-Revision").Should().Equal("2");
        _backend.Received.Last()["If-None-Match"].ToString().Should().Be("\"v1\"");

        await _backend.GetAsync(client, "/etag");
        _backend.Calls("/etag").Should().Be(2, "the 304's new Date and max-age made the stored answer fresh again");
    }

    [Fact]
    public async Task Stale_if_error_serves_the_stale_answer_when_the_backend_fails()
    {
        var failing = false;
        _backend.Respond = context => failing
            ? CacheBackend.Answer(context, null, "down", 503)
            : CacheBackend.Answer(context, "max-age=1, stale-if-error=60", "kept");
        var client = _backend.Clients("{}")[0];
        await _backend.GetAsync(client, "/sie");

        failing = true;
        _backend.Clock.Advance(TimeSpan.FromSeconds(5));

        (await _backend.GetAsync(client, "/sie")).Should().Match<(int Status, string Body, HttpResponseMessage _)>(a => a.Status == 200 && a.Body == "kept");
        _backend.Calls("/sie").Should().Be(2, "the stale answer was revalidated first");

        _backend.Clock.Advance(TimeSpan.FromSeconds(60));
        (await _backend.GetAsync(client, "/sie")).Status.Should().Be(503, "past the stale-if-error window the failure shows");
    }

    [Fact]
    public async Task Other_methods_are_never_cached()
    {
        var client = _backend.Clients("{}")[0];
        await _backend.GetAsync(client, "/m");

        for (var i = 0; i < 2; i++)
        {
            using var post = new HttpRequestMessage(HttpMethod.Post, new Uri(_backend.BaseAddress, "/m"));
            (await client.SendAsync(post, CancellationToken.None)).Dispose();
        }

        _backend.Calls("/m").Should().Be(3);
        await _backend.GetAsync(client, "/m");
        _backend.Calls("/m").Should().Be(3, "a POST drops only its own key, not the GET answer");
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            DateTime.UtcNow.Should().BeBefore(deadline, "the condition never came true");
            await Task.Delay(20);
        }
    }
}
