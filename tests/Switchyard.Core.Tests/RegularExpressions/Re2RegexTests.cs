using Switchyard.Core.RegularExpressions;

namespace Switchyard.Core.Tests.RegularExpressions;

public sealed class Re2RegexTests
{
    [Theory]
    [InlineData(@"^[0-9]+$", "123\n", false)]
    [InlineData(@"\w+", "café", true)]
    [InlineData(@"^\w+$", "café", false)]
    [InlineData(@"(?P<name>bot)", "a bot", true)]
    [InlineData(@"GoogleBot.*", "Mozilla/5.0 (compatible; GoogleBot/2.1)", true)]
    public void Patterns_read_as_go_regexp_reads_them(string pattern, string text, bool matches)
    {
        Re2Regex.TryCompile(pattern, out var regex, out var error).Should().BeTrue(error);

        regex!.IsMatch(text).Should().Be(matches);
    }

    [Theory]
    [InlineData("(a)\\1")]
    [InlineData("a(?=b)")]
    [InlineData("(unclosed")]
    public void What_re2_refuses_is_refused_with_a_reason(string pattern)
    {
        Re2Regex.TryCompile(pattern, out var regex, out var error).Should().BeFalse();

        regex.Should().BeNull();
        error.Should().StartWith($"invalid regular expression '{pattern}': ");
    }
}
