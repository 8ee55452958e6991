using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using Switchyard.Functions.Tests.BuiltIn;
using Switchyard.Functions.Tests.Hosting;
using Switchyard.Testing;

namespace Switchyard.Functions.Tests.Security;

/// <summary>
/// <c>security/cors</c> in a real browser: headless Chromium loads a page from one loopback origin and <c>fetch</c>es
/// the gateway on another (another port is another origin), and the browser, not a test client, enforces the answer.
/// </summary>
public sealed class CorsBrowserTests : IAsyncLifetime
{
    // Runs in the page: the outcome of one fetch, as JSON, with the TypeError a blocked request rejects with.
    private const string FetchScript = """
        async ([url, init]) => {
          try {
            const response = await fetch(url, init);
            return JSON.stringify({ ok: true, status: response.status, body: await response.text() });
          } catch (error) {
            return JSON.stringify({ ok: false, error: error.name });
          }
        }
        """;

    private readonly CapturedLogs _logs = new();
    private TestBackend _backend = null!;
    private LoopbackServer _allowedSite = null!;
    private LoopbackServer _otherSite = null!;
    private TestGateway _gateway = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        _backend = await TestBackend.StartAsync("""{"id":42}""");
        _allowedSite = await LoopbackServer.StartAsync(ServePageAsync);
        _otherSite = await LoopbackServer.StartAsync(ServePageAsync);
        _gateway = await TestGateway.StartAsync(
            TestGateway.Config(
                $$"""
                {"endpoint": "/items", "backend": [{"host": ["{{_backend.Host}}"], "url_pattern": "/items"}]},
                {"endpoint": "/items", "method": "POST", "backend": [{"host": ["{{_backend.Host}}"], "url_pattern": "/items"}]}
                """,
                $$"""
                "extra_config": {"security/cors": {"allow_origins": ["{{Origin(_allowedSite)}}"], "allow_methods": ["GET", "POST"],
                  "allow_headers": ["Content-Type", "X-Trace-Id"], "debug": true} }
                """),
            _logs);
        _playwright = await Playwright.CreateAsync();
        _browser = await HeadlessChromium.LaunchAsync(_playwright);
    }

    [Fact]
    public async Task The_allowed_origin_reads_the_answer()
    {
        var page = await OpenAsync(_allowedSite);

        var outcome = await FetchAsync(page, new { });

        outcome.GetProperty("ok").GetBoolean().Should().BeTrue();
        outcome.GetProperty("status").GetInt32().Should().Be(200);
        outcome.GetProperty("body").GetString().Should().Be("""{"id":42}""");
    }

    [Fact]
    public async Task A_disallowed_origin_is_blocked_by_the_browser_and_the_gateway_sent_no_cors_headers()
    {
        var page = await OpenAsync(_otherSite);
        var failed = new List<IRequest>();
        page.RequestFailed += (_, request) => failed.Add(request);

        var outcome = await FetchAsync(page, new { });

        outcome.GetProperty("ok").GetBoolean().Should().BeFalse();
        outcome.GetProperty("error").GetString().Should().Be("TypeError");
        failed.Should().ContainSingle().Which.Url.Should().Be(new Uri(_gateway.BaseAddress, "items").ToString());
        _backend.Received.Should().ContainSingle("the gateway answered; the browser withheld the answer from the page");
        _logs.Entries.Should().Contain(entry => entry.Level == LogLevel.Debug
            && entry.Message == $"[CORS] actual request GET from origin '{Origin(_otherSite)}': OriginNotAllowed",
            "the gateway added no Access-Control-Allow-* header to the browser's request");
    }

    [Fact]
    public async Task A_post_with_a_custom_header_passes_the_preflight_the_gateway_answers()
    {
        var page = await OpenAsync(_allowedSite);

        var outcome = await FetchAsync(page, new
        {
            method = "POST",
            headers = new Dictionary<string, string> { ["Content-Type"] = "application/json", ["X-Trace-Id"] = "t-1" },
            body = """{"name":"widget"}""",
        });

        outcome.GetProperty("ok").GetBoolean().Should().BeTrue();
        outcome.GetProperty("body").GetString().Should().Be("""{"id":42}""");
        _logs.Entries.Should().Contain(entry => entry.Level == LogLevel.Debug
            && entry.Message == $"[CORS] preflight OPTIONS from origin '{Origin(_allowedSite)}': Allowed");
        var received = _backend.Received.Should().ContainSingle("the preflight never reaches a backend").Subject;
        received.Method.Should().Be("POST");
        received.Body.Should().Be("""{"name":"widget"}""");
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _gateway.DisposeAsync();
        await _otherSite.DisposeAsync();
        await _allowedSite.DisposeAsync();
        await _backend.DisposeAsync();
    }

    private static string Origin(LoopbackServer site) => site.BaseAddress.GetLeftPart(UriPartial.Authority);

    private static Task ServePageAsync(HttpContext context)
    {
        context.Response.ContentType = "text/html; charset=utf-8";
        return context.Response.WriteAsync("<!doctype html><title>shop</title><p>shop</p>");
    }

    private async Task<IPage> OpenAsync(LoopbackServer site)
    {
        var page = await _browser.NewPageAsync();
        await page.GotoAsync(site.BaseAddress.ToString());
        return page;
    }

    private async Task<JsonElement> FetchAsync(IPage page, object init)
    {
        var json = await page.EvaluateAsync<string>(FetchScript, new object[] { new Uri(_gateway.BaseAddress, "items").ToString(), init });
        return JsonDocument.Parse(json).RootElement;
    }
}
