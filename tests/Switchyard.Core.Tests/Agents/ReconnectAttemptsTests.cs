using Switchyard.Core.Agents;

namespace Switchyard.Core.Tests.Agents;

public sealed class ReconnectAttemptsTests
{
    [Fact]
    public void Failed_attempts_move_to_the_next_index()
    {
        var attempts = new ReconnectAttempts(0);
        attempts.Failed();
        attempts.Failed();

        attempts.Attempt.Should().Be(2);
    }

    [Fact]
    public void A_connection_that_lived_more_than_five_seconds_resets_the_count_to_one()
    {
        var attempts = new ReconnectAttempts(0);
        attempts.Failed();
        attempts.Failed();
        attempts.Failed();

        attempts.Lost(TimeSpan.FromSeconds(5.5));

        attempts.Attempt.Should().Be(1);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5000)]
    public void A_connection_that_lived_five_seconds_or_less_counts_as_a_failed_attempt(int milliseconds)
    {
        var attempts = new ReconnectAttempts(0);
        attempts.Failed();

        attempts.Lost(TimeSpan.FromMilliseconds(milliseconds));

        attempts.Attempt.Should().Be(2);
    }

    [Fact]
    public void Max_retries_allows_that_many_retries_after_the_first_attempt()
    {
        var attempts = new ReconnectAttempts(2);
        var made = 0;
        while (!attempts.Exhausted)
        {
            made++;
            attempts.Failed();
        }

        made.Should().Be(3);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Zero_or_negative_max_retries_never_gives_up(int maxRetries)
    {
        var attempts = new ReconnectAttempts(maxRetries);
        for (var i = 0; i < 10_000; i++)
        {
            attempts.Failed();
        }

        attempts.Exhausted.Should().BeFalse();
    }

    [Fact]
    public void A_reset_gives_back_the_retries()
    {
        var attempts = new ReconnectAttempts(2);
        attempts.Failed();
        attempts.Failed();
        attempts.Failed();
        attempts.Exhausted.Should().BeTrue();

        attempts.Lost(TimeSpan.FromMinutes(1));

        attempts.Exhausted.Should().BeFalse();
    }
}
