using Switchyard.Core.FanOut;
using Switchyard.Testing;

namespace Switchyard.Core.Tests.FanOut;

public sealed class RateMeterTests
{
    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void The_rate_is_the_count_of_the_last_ten_seconds_per_second()
    {
        var meter = new RateMeter(_time);
        meter.Add(50);
        _time.Advance(TimeSpan.FromSeconds(3));
        meter.Add(30);

        meter.PerSecond().Should().Be(8);
    }

    [Fact]
    public void Counts_older_than_the_window_no_longer_count()
    {
        var meter = new RateMeter(_time);
        meter.Add(50);
        _time.Advance(TimeSpan.FromSeconds(10));
        meter.Add(10);

        meter.PerSecond().Should().Be(1);
    }
}
