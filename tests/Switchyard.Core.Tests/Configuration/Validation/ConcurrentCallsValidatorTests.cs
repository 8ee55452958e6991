using static Switchyard.Core.Tests.Configuration.ConfigFixtures;

namespace Switchyard.Core.Tests.Configuration.Validation;

public sealed class ConcurrentCallsValidatorTests
{
    [Theory]
    [InlineData(-1)]
    [InlineData(6)]
    public void Concurrent_calls_outside_1_to_5_are_errors(int calls)
    {
        LoadErrors(ServiceWithEndpoint($"\"concurrent_calls\": {calls}")).Should().Equal(
            $"endpoints[0].concurrent_calls: concurrent_calls must be between 1 and 5, got {calls}");
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(5, 5)]
    public void Concurrent_calls_within_range_are_kept_and_zero_means_one(int calls, int expected)
    {
        LoadValid(ServiceWithEndpoint($"\"concurrent_calls\": {calls}")).Endpoints[0].ConcurrentCalls.Should().Be(expected);
    }
}
