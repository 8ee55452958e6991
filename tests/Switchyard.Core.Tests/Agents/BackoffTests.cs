using Switchyard.Core.Agents;

namespace Switchyard.Core.Tests.Agents;

public sealed class BackoffTests
{
    [Theory]
    [InlineData("linear", 0, 0)]
    [InlineData("linear", 1, 1)]
    [InlineData("linear", 3, 3)]
    [InlineData("exponential", 0, 1)]
    [InlineData("exponential", 1, 2)]
    [InlineData("exponential", 4, 16)]
    [InlineData("fallback", 0, 1)]
    [InlineData("fallback", 9, 1)]
    [InlineData("", 3, 1)]
    [InlineData(null, 3, 1)]
    [InlineData("EXPONENTIAL", 3, 8)]
    public void Each_strategy_waits_its_documented_delay_before_attempt_i(string? strategy, int attempt, double seconds) =>
        new Backoff(strategy).Delay(attempt).Should().Be(TimeSpan.FromSeconds(seconds));

    [Theory]
    [InlineData("linear-jitter", 3, 0.0, 3 * 0.67)]
    [InlineData("linear-jitter", 3, 0.5, 3)]
    [InlineData("linear-jitter", 3, 1.0, 3 * 1.33)]
    [InlineData("exponential-jitter", 2, 0.0, 4 * 0.67)]
    [InlineData("exponential-jitter", 2, 0.5, 4)]
    [InlineData("exponential-jitter", 2, 1.0, 4 * 1.33)]
    [InlineData("exponential-jitter", 0, 0.25, 1 * 0.835)]
    public void Jitter_adds_or_subtracts_at_most_a_third_of_the_delay(string strategy, int attempt, double random, double seconds) =>
        new Backoff(strategy, () => random).Delay(attempt).TotalSeconds.Should().BeApproximately(seconds, 1e-6);

    [Fact]
    public void Linear_jitter_before_the_first_attempt_is_one_millisecond_not_zero() =>
        new Backoff("linear-jitter", () => 0.9).Delay(0).Should().Be(TimeSpan.FromMilliseconds(1));

    [Theory]
    [InlineData("exponential", 7, 128)]
    [InlineData("exponential", 8, 128)]
    [InlineData("exponential", 60, 128)]
    [InlineData("linear", 127, 127)]
    [InlineData("linear", 500, 128)]
    public void Delays_are_capped_at_two_to_the_seventh_seconds(string strategy, int attempt, double seconds) =>
        new Backoff(strategy).Delay(attempt).Should().Be(TimeSpan.FromSeconds(seconds));

    [Fact]
    public void Capped_jittered_delays_keep_their_jitter() =>
        new Backoff("exponential-jitter", () => 1.0).Delay(40).TotalSeconds.Should().BeApproximately(128 * 1.33, 1e-6);
}
