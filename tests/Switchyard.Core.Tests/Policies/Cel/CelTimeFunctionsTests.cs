namespace Switchyard.Core.Tests.Policies.Cel;

public sealed class CelTimeFunctionsTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("timestamp(now) < timestamp('2030-01-01T00:00:00Z')", true)]
    [InlineData("now > timestamp('2026-03-01T11:59:59.999Z')", true)]
    [InlineData("now == timestamp('2026-03-01T13:00:00+01:00')", true)]
    [InlineData("now - timestamp('2026-03-01T11:00:00Z') == duration('1h')", true)]
    [InlineData("now + duration('30m') == timestamp('2026-03-01T12:30:00Z')", true)]
    [InlineData("duration('30m') + now == timestamp('2026-03-01T12:30:00Z')", true)]
    [InlineData("now - duration('1h30m') == timestamp('2026-03-01T10:30:00Z')", true)]
    [InlineData("duration('1h') - duration('30m') == duration('30m')", true)]
    [InlineData("duration('1h') + duration('-1.5h') < duration('0')", true)]
    [InlineData("timestamp(0) == timestamp('1970-01-01T00:00:00Z')", true)]
    [InlineData("timestamp('2024-02-29t23:59:59z') < now", true)]
    public void Timestamps_and_durations(string expression, bool expected) =>
        Cel.Evaluate(expression, new Dictionary<string, object?> { ["x"] = Now, ["now"] = Now }).Should().Be(expected);

    [Fact]
    public void Timestamps_convert_to_DateTimeOffset() =>
        Cel.Evaluate("timestamp('2030-01-01T00:00:00.123456789Z')").Should().Be(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero).AddTicks(1234567));

    [Fact]
    public void Durations_convert_to_TimeSpan() => Cel.Evaluate("duration('1h2m3.5s')").Should().Be(new TimeSpan(0, 1, 2, 3, 500));

    [Theory]
    [InlineData("timestamp('2030-01-01')", "invalid timestamp '2030-01-01'")]
    [InlineData("timestamp('2030-13-01T00:00:00Z')", "invalid timestamp '2030-13-01T00:00:00Z'")]
    [InlineData("timestamp('yesterday')", "invalid timestamp 'yesterday'")]
    [InlineData("duration('1d')", "unknown unit \"d\" in duration \"1d\"")]
    [InlineData("duration('abc')", "invalid duration \"abc\"")]
    [InlineData("timestamp('9999-12-31T23:59:59Z') + duration('1s')", "timestamp overflow")]
    [InlineData("timestamp('0001-01-01T00:00:00Z') - duration('1s')", "timestamp overflow")]
    [InlineData("timestamp('9999-12-31T00:00:00Z') - timestamp('0001-01-01T00:00:00Z')", "duration overflow")]
    [InlineData("timestamp(253402300800)", "timestamp overflow")]
    public void Bad_time_values_are_runtime_errors(string expression, string message) => Cel.RuntimeError(expression).Should().Be(message);

    [Fact]
    public void A_time_variable_the_activation_lacks_is_an_error() =>
        Cel.RuntimeError("now < timestamp('2030-01-01T00:00:00Z')").Should().Be("no such attribute: now");
}
