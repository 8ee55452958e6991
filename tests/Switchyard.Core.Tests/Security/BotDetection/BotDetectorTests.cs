using Switchyard.Core.Security.BotDetection;

namespace Switchyard.Core.Tests.Security.BotDetection;

/// <summary>KrakenD's bot detector cases (krakend-ce specs botdetector_1 to 4, krakend-botdetector's tests).</summary>
public sealed class BotDetectorTests
{
    private static readonly BotDetectorOptions KrakendFixture = new()
    {
        Deny = ["a", "b"],
        Allow = ["c", "Pingdom.com_bot_version_1.1"],
        Patterns = [@"(Pingdom.com_bot_version_).*", @"(facebookexternalhit)/.*"],
    };

    [Theory]
    [InlineData("a", true)] // botdetector_1
    [InlineData("b", true)] // botdetector_2
    [InlineData("Pingdom.com_bot_version_1.14", true)] // botdetector_3
    [InlineData("facebookexternalhit/1.2.3", true)] // botdetector_4
    [InlineData("Mozilla/5.0 (compatible; facebookexternalhit/1.1)", true)] // patterns are not anchored
    [InlineData("Pingdom.com_bot_version_1.1", false)] // allow wins over the pattern
    [InlineData("c", false)]
    [InlineData("A", false)] // exact, case-sensitive
    [InlineData("ab", false)]
    [InlineData("curl/8.6.0", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void User_agents_are_judged_in_krakend_order(string? userAgent, bool isBot)
    {
        new BotDetector(KrakendFixture).IsBot(userAgent).Should().Be(isBot);
        new BotDetector(KrakendFixture with { CacheSize = 10 }).IsBot(userAgent).Should().Be(isBot);
    }

    [Fact]
    public void An_empty_user_agent_is_a_bot_only_when_configured()
    {
        var detector = new BotDetector(new BotDetectorOptions { EmptyUserAgentIsBot = true });

        detector.IsBot("").Should().BeTrue();
        detector.IsBot(null).Should().BeTrue();
        detector.IsBot("curl/8.6.0").Should().BeFalse();
    }

    [Fact]
    public void Patterns_read_as_re2_reads_them()
    {
        var detector = new BotDetector(new BotDetectorOptions { Patterns = [@"^bot\d+$"] });

        detector.IsBot("bot42").Should().BeTrue();
        detector.IsBot("bot42\n").Should().BeFalse("RE2's $ is the end of the text");
        detector.IsBot("bot\u0664\u0662").Should().BeFalse(@"RE2's \d is ASCII only");
    }

    [Fact]
    public void The_cache_is_bounded_and_keeps_verdicts()
    {
        var detector = new BotDetector(KrakendFixture with { CacheSize = 3 });

        foreach (var userAgent in new[] { "a", "curl/1", "curl/2", "curl/3", "curl/4", "a" })
        {
            detector.IsBot(userAgent);
        }

        detector.CachedVerdicts.Should().Be(3);
        detector.IsBot("a").Should().BeTrue();
        detector.IsBot("curl/4").Should().BeFalse();
    }

    [Fact]
    public void Long_user_agents_are_judged_without_being_cached()
    {
        var detector = new BotDetector(KrakendFixture with { CacheSize = 3 });
        var huge = "facebookexternalhit/" + new string('x', BotDetector.MaxCachedLength);

        detector.IsBot(huge).Should().BeTrue();
        detector.CachedVerdicts.Should().Be(0);
    }

    [Fact]
    public void An_invalid_pattern_cannot_build_a_detector()
    {
        var build = () => new BotDetector(new BotDetectorOptions { Patterns = ["(unclosed"] });

        build.Should().Throw<ArgumentException>().WithMessage("*invalid regular expression '(unclosed'*");
    }
}
