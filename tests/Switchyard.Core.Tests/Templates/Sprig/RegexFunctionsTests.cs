using static Switchyard.Core.Tests.Templates.Sprig.SprigCall;

namespace Switchyard.Core.Tests.Templates.Sprig;

/// <summary>regexMatch and regexReplaceAll: RE2 patterns, Go's replacement expansion.</summary>
public sealed class RegexFunctionsTests
{
    [Theory]
    [InlineData("^[a-zA-Z0-9._%+-]+@[a-zA-Z0-9.-]+\\.[A-Za-z]{2,}$", "test@acme.com", true)]
    [InlineData("^[0-9]+$", "12\n", false)]
    [InlineData("\\d", "٣", false)]
    [InlineData("(", "anything", false)]
    public void RegexMatch_reads_patterns_as_re2_and_a_bad_one_never_matches(string pattern, string text, bool matches) =>
        Call("regexMatch", pattern, text).Should().Be(matches);

    [Theory]
    [InlineData("a(x*)b", "-ab-axxb-", "${1}W", "-W-xxW-")]
    [InlineData("a(x*)b", "-ab-axxb-", "$1W", "---")]
    [InlineData("a(?P<x>x*)b", "-axxb-", "[$x]", "-[xx]-")]
    [InlineData("a", "aa", "$$", "$$")]
    [InlineData("(a)", "a", "$2", "")]
    public void RegexReplaceAll_expands_replacements_as_go_does(string pattern, string text, string replacement, string result) =>
        Call("regexReplaceAll", pattern, text, replacement).Should().Be(result);

    [Fact]
    public void RegexReplaceAll_with_a_bad_pattern_fails() =>
        Failure("regexReplaceAll", "(", "a", "b").Should().Contain("invalid regular expression '('");
}
