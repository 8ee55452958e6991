using Switchyard.Core.Agents.Memory;

namespace Switchyard.Core.Tests.Agents.Memory;

public sealed class TopicPatternTests
{
    [Theory]
    [InlineData("a.b", "a.b", true)]
    [InlineData("a.b", "a.c", false)]
    [InlineData("a.b", "a.b.c", false)]
    [InlineData("a.*", "a.b", true)]
    [InlineData("a.*", "a", false)]
    [InlineData("a.*", "a.b.c", false)]
    [InlineData("a.*", "a.", true)]
    [InlineData("a.#", "a", true)]
    [InlineData("a.#", "a.b", true)]
    [InlineData("a.#", "a.b.c", true)]
    [InlineData("a.#", "b.a", false)]
    [InlineData("a.#", "ab", false)]
    [InlineData("#", "", true)]
    [InlineData("#", "a", true)]
    [InlineData("#", "a.b.c", true)]
    [InlineData("*", "", false)]
    [InlineData("*", "a", true)]
    [InlineData("*", "a.b", false)]
    [InlineData("*.b.#", "a.b", true)]
    [InlineData("*.b.#", "a.b.c.d", true)]
    [InlineData("*.b.#", "b", false)]
    [InlineData("*.b.#", "a.c.b", false)]
    [InlineData("#.b", "b", true)]
    [InlineData("#.b", "a.a.b", true)]
    [InlineData("#.b.#", "x.b.y", true)]
    [InlineData("#.#", "a.b", true)]
    [InlineData("a..b", "a..b", true)]
    [InlineData("a.*.b", "a..b", true)]
    [InlineData("a..b", "a.b", false)]
    [InlineData("", "", true)]
    [InlineData("", "a", false)]
    [InlineData("A.b", "a.b", false)]
    public void Star_is_one_word_hash_is_zero_or_more_words_and_words_may_be_empty(string pattern, string key, bool matches) =>
        TopicPattern.Parse(pattern).Matches(key).Should().Be(matches);

    [Fact]
    public void Many_hashes_against_a_long_key_stay_fast()
    {
        var key = string.Join('.', Enumerable.Repeat("w", 300));

        TopicPattern.Parse("#.#.#.#.#.#.#.#.x").Matches(key).Should().BeFalse();
        TopicPattern.Parse("#.w.#.w.#").Matches(key).Should().BeTrue();
    }
}
