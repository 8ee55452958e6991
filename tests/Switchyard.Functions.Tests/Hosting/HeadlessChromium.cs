using Microsoft.Playwright;

namespace Switchyard.Functions.Tests.Hosting;

/// <summary>
/// Debian's Chromium (<c>/usr/bin/chromium</c>) driven by Playwright, for the browser tests. Never <c>playwright
/// install</c>: it downloads browsers, which a closed network refuses.
/// </summary>
internal static class HeadlessChromium
{
    private const string Executable = "/usr/bin/chromium";

    // Without the networking flags Chromium keeps calling home, which on a closed network is a flood of refused connections.
    private static readonly string[] Flags =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    /// <summary>Starts the browser; it fails loudly when Chromium cannot start.</summary>
    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Executable, Headless = true, Args = Flags });
}
