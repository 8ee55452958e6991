namespace Switchyard.Core.Configuration.Validation;

/// <summary><c>concurrent_calls</c> of endpoints and workflows stays within KrakenD's schema range, 1 to 5.</summary>
internal sealed class ConcurrentCallsValidator : IConfigValidator
{
    private const int Max = 5;

    public void Validate(ServiceConfig config, ConfigProblems problems)
    {
        foreach (var endpoint in EndpointNode.AllEndpoints(config))
        {
            if (endpoint.ConcurrentCalls is < 1 or > Max)
            {
                problems.Error(
                    endpoint.JsonPath + ".concurrent_calls",
                    $"concurrent_calls must be between 1 and {Max}, got {endpoint.ConcurrentCalls}");
            }
        }
    }
}
