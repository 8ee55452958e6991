using Microsoft.Playwright;
using Switchyard.Functions.Tests.Agents;
using Switchyard.Functions.Tests.Hosting;
using Switchyard.Testing;

namespace Switchyard.Functions.Tests.FanOut;

/// <summary>The control page in headless Chromium (Debian's <c>/usr/bin/chromium</c>) against a real gateway and broker.</summary>
[Collection(RabbitMqAgentsCollection.Name)]
public sealed class ControlPageBrowserTests(RabbitMqServer rabbit, RedisServer redis) : IClassFixture<RedisServer>
{
    private static readonly LocatorAssertionsToHaveTextOptions Patient = new() { Timeout = 20_000 };

    [Fact]
    public async Task The_page_adds_a_subscription_that_survives_a_restart_stops_and_starts_it_and_deletes_it()
    {
        var store = FanOutGateway.NewStorePath();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await HeadlessChromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });

        await using (var gateway = await FanOutGateway.StartAsync(store))
        {
            await OpenAsync(page, gateway);
            await Assertions.Expect(page.Locator("#empty")).ToBeVisibleAsync();

            await page.FillAsync("#add-form [name=broker]", rabbit.AmqpUri.ToString());
            await page.FillAsync("#add-form [name=api_url]", "http://127.0.0.1:9/api");
            await page.FillAsync("#add-form [name=app_name]", "shop");
            await page.FillAsync("#add-form [name=app_env]", "browser");
            await page.FillAsync("#add-form [name=exchange]", "celeryev.browser");
            await page.FillAsync("#add-form [name=queue]", "fanout.browser");
            await page.FillAsync("#add-form [name=batch_max_window_in_seconds]", "7");
            await page.ClickAsync("#add");

            var row = page.Locator("#subscriptions tbody tr[data-name='shop-browser']");
            await Assertions.Expect(row.Locator(".state")).ToHaveTextAsync("connected", Patient);
            await Assertions.Expect(row.Locator(".broker")).ToHaveTextAsync($"amqp://guest:**@127.0.0.1:{rabbit.Port}/");
            (await File.ReadAllTextAsync(store)).Should().Contain("\"batch_max_window_in_seconds\": 7");

            await page.ClickAsync("#stop");
            await Assertions.Expect(row.Locator(".state")).ToHaveTextAsync("stopped", Patient);
            await Assertions.Expect(page.Locator("#running")).ToHaveTextAsync("stopped");

            await page.ClickAsync("#start");
            await Assertions.Expect(row.Locator(".state")).ToHaveTextAsync("connected", Patient);
            await Assertions.Expect(page.Locator("#running")).ToHaveTextAsync("running");

            var screenshot = Path.Combine(AppContext.BaseDirectory, "TestResults", "fanout-control-page.png");
            Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
            File.Delete(screenshot);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
            var png = await File.ReadAllBytesAsync(screenshot);
            png.Should().StartWith(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A });
        }

        await using (var restarted = await FanOutGateway.StartAsync(store))
        {
            await OpenAsync(page, restarted);

            var row = page.Locator("#subscriptions tbody tr[data-name='shop-browser']");
            await Assertions.Expect(row.Locator(".name")).ToHaveTextAsync("shop-browser", Patient);
            await Assertions.Expect(row.Locator(".state")).ToHaveTextAsync("connected", Patient);

            page.Dialog += (_, dialog) => _ = dialog.AcceptAsync();
            await row.Locator("button.delete").ClickAsync();
            await Assertions.Expect(row).ToHaveCountAsync(0, new LocatorAssertionsToHaveCountOptions { Timeout = 20_000 });
            await Assertions.Expect(page.Locator("#empty")).ToBeVisibleAsync();
            (await File.ReadAllTextAsync(store)).Should().NotContain("browser");
        }
    }

    [Fact]
    public async Task The_page_adds_a_redis_subscription_lists_it_connected_and_shows_a_refused_password()
    {
        await using var gateway = await FanOutGateway.StartAsync(FanOutGateway.NewStorePath());
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await HeadlessChromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
        await OpenAsync(page, gateway);

        await page.FillAsync("#add-form [name=broker]", $"redis://:wrong-password@127.0.0.1:{redis.Port}/0");
        await page.FillAsync("#add-form [name=api_url]", "http://127.0.0.1:9/api");
        await page.FillAsync("#add-form [name=app_name]", "shop");
        await page.FillAsync("#add-form [name=app_env]", "redis");
        await page.ClickAsync("#add");
        await Assertions.Expect(page.Locator("#add-error")).ToContainTextAsync("the broker refused the credentials", new LocatorAssertionsToContainTextOptions { Timeout = 20_000 });
        await Assertions.Expect(page.Locator("#empty")).ToBeVisibleAsync();

        await page.FillAsync("#add-form [name=broker]", redis.Url(database: 2));
        await page.ClickAsync("#add");

        var row = page.Locator("#subscriptions tbody tr[data-name='shop-redis']");
        await Assertions.Expect(row.Locator(".state")).ToHaveTextAsync("connected", Patient);
        await Assertions.Expect(row.Locator(".broker")).ToHaveTextAsync($"redis://:**@127.0.0.1:{redis.Port}/2");
        await Assertions.Expect(row.Locator(".gaps")).ToHaveTextAsync("0 (0 s)");
        (await row.Locator(".gaps").GetAttributeAsync("title")).Should().Contain("lost");
        (await page.ContentAsync()).Should().NotContain(redis.Password);
    }

    [Fact]
    public async Task A_wrong_secret_keeps_the_page_closed()
    {
        await using var gateway = await FanOutGateway.StartAsync(FanOutGateway.NewStorePath());
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await HeadlessChromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();

        await page.GotoAsync(new Uri(gateway.Gateway.BaseAddress, "__agents").ToString());
        await page.FillAsync("#secret", "not-the-secret");
        await page.ClickAsync("#login-button");

        await Assertions.Expect(page.Locator("#login-error")).ToHaveTextAsync("The secret was refused.", Patient);
        await Assertions.Expect(page.Locator("#main")).ToBeHiddenAsync();
        (await page.EvaluateAsync<string?>("sessionStorage.getItem('switchyard.agents.secret')")).Should().BeNull();
    }

    private static async Task OpenAsync(IPage page, FanOutGateway gateway)
    {
        await page.GotoAsync(new Uri(gateway.Gateway.BaseAddress, "__agents").ToString());
        await page.FillAsync("#secret", FanOutGateway.Secret);
        await page.ClickAsync("#login-button");
        await Assertions.Expect(page.Locator("#main")).ToBeVisibleAsync();
    }
}
