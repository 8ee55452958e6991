using Switchyard.Core.Configuration.Parsing;
using Switchyard.Core.Pipeline;

namespace Switchyard.Core.Configuration.Validation;

/// <summary>
/// <c>switchyard/hedging</c>: <c>max_calls</c> from 2 to 5 and the same as <c>concurrent_calls</c> when that is set
/// (hedging sends at most <c>max_calls</c>; two different counts would leave the operator guessing which one holds), a
/// <c>delay</c> above zero that can elapse before the race's deadline (else no further call would ever start), and no
/// durable pipe, whose steps race as recorded activities without timers of their own.
/// </summary>
internal sealed class HedgingValidator : IConfigValidator
{
    private const int MaxCalls = 5;

    public void Validate(ServiceConfig config, ConfigProblems problems)
    {
        foreach (var endpoint in EndpointNode.AllEndpoints(config))
        {
            if (endpoint.Hedging is not { } hedging)
            {
                continue;
            }

            var path = NamespacePaths.Of(HedgingOptionsParser.Namespace, endpoint.JsonPath);
            if (hedging.MaxCalls is < 2 or > MaxCalls)
            {
                problems.Error(path + ".max_calls", $"max_calls must be between 2 and {MaxCalls}, got {hedging.MaxCalls}");
            }
            else if (endpoint.ConcurrentCalls != ServiceDefaults.ConcurrentCalls && endpoint.ConcurrentCalls != hedging.MaxCalls)
            {
                problems.Error(
                    path + ".max_calls",
                    $"max_calls {hedging.MaxCalls} disagrees with concurrent_calls {endpoint.ConcurrentCalls}: hedging makes at most max_calls calls; "
                        + "leave concurrent_calls out or give it the same value");
            }

            var deadline = ConcurrentCallsProxy.Deadline(endpoint.Timeout);
            if (hedging.Delay <= TimeSpan.Zero || hedging.Delay >= deadline)
            {
                problems.Error(
                    path + ".delay",
                    $"delay must be more than 0 and below {GoDurationFormat.Format(deadline)}, the race's deadline (75% of the timeout "
                        + $"{GoDurationFormat.Format(endpoint.Timeout)}), got {GoDurationFormat.Format(hedging.Delay)}");
            }

            if (endpoint.IsDurable)
            {
                problems.Error(path, "hedging is not served in a durable pipe: its steps are recorded activities; use concurrent_calls there");
            }
        }
    }
}
