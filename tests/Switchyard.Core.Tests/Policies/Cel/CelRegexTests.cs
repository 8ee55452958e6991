using System.Diagnostics;
using Switchyard.Core.Policies.Cel;

namespace Switchyard.Core.Tests.Policies.Cel;

public sealed class CelRegexTests
{
    [Theory]
    [InlineData("^[0-9]+$", "123\n", false)]
    [InlineData("^[0-9]+$", "123", true)]
    [InlineData("(?m)^[0-9]+$", "123\nabc", true)]
    [InlineData("^\\d+$", "\u0663\u0664", false)]
    [InlineData("^\\d+$", "34", true)]
    [InlineData("^\\w+$", "caf\u00e9", false)]
    [InlineData("^[\\w-]+$", "a-b_c", true)]
    [InlineData("^\\D+$", "abc", true)]
    [InlineData("^\\s$", "\u00a0", false)]
    [InlineData("^[$]$", "$", true)]
    [InlineData("^\\$$", "$", true)]
    [InlineData("^(?P<year>[0-9]{4})-", "2024-01", true)]
    [InlineData("b", "abc", true)]
    public void Patterns_read_as_RE2_reads_them(string pattern, string text, bool expected)
    {
        CelRegex.TryCompile(pattern, out var regex, out var error).Should().BeTrue(error);

        CelRegex.Match(regex!, text).AsBool.Should().Be(expected);
    }

    [Theory]
    [InlineData("(a)\\1")]
    [InlineData("a(?=b)")]
    [InlineData("(?<!a)b")]
    [InlineData("[")]
    public void Constructs_RE2_lacks_are_refused(string pattern) =>
        CelRegex.TryCompile(pattern, out _, out var error).Should().BeFalse(error);

    [Fact]
    public void Catastrophic_patterns_run_in_linear_time()
    {
        var program = Cel.Compile("s.matches('^(a+)+$')");
        var hostile = new string('a', 50_000) + "!";
        var watch = Stopwatch.StartNew();

        var satisfied = program.IsSatisfied(new CelTestActivation(new Dictionary<string, object?> { ["s"] = hostile }), out var error);

        watch.Stop();
        satisfied.Should().BeFalse();
        error.Should().BeNull();
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(2));
    }

    [Fact]
    public void Matches_carry_a_timeout() => CelRegex.MatchTimeout.Should().Be(TimeSpan.FromMilliseconds(100));
}
