using System.Text.Json.Nodes;
using Switchyard.Core.Pipeline.Formatting;

namespace Switchyard.Core.Pipeline;

/// <summary>
/// Calls the backends one after another within 85% of the endpoint timeout. Before step i, every
/// <c>{respN_a.b}</c> that step declares (N &lt; i) becomes the parameter <c>RespN_a.b</c>. For an endpoint
/// (<see cref="MergeFailurePolicy.Partial"/>) the first step failing fails the endpoint, and a later step failing or
/// answering incompletely stops the chain with what was gathered; a workflow stops and fails at its first failing step
/// (<see cref="MergeFailurePolicy.Abort"/>), or with <c>ignore_errors</c> runs every step (<see cref="MergeFailurePolicy.Continue"/>).
/// </summary>
internal static class SequentialMergeProxy
{
    /// <param name="endpointTimeout">The endpoint's timeout.</param>
    /// <param name="steps">The backends, in order.</param>
    /// <param name="references">
    /// Every <c>respN_x</c> name a step may need: the placeholders of the steps' url patterns and the endpoint's
    /// <c>sequential_propagated_params</c>.
    /// </param>
    /// <param name="policy">What a failing step does to the chain.</param>
    public static Proxy Create(
        TimeSpan endpointTimeout,
        Proxy[] steps,
        IEnumerable<string> references,
        MergeFailurePolicy policy = MergeFailurePolicy.Partial)
    {
        var timeout = MergeTimeout.Of(endpointTimeout);
        var byStep = references
            .Select(ResponseReference.TryParse)
            .OfType<ResponseReference>()
            .Where(r => r.Step < steps.Length - 1)
            .DistinctBy(r => r.ParamKey)
            .ToLookup(r => r.Step);

        return async (request, cancellationToken) =>
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(timeout);

            var accumulator = new MergeAccumulator(steps.Length, policy);
            var stepRequest = request;
            for (var i = 0; i < steps.Length; i++)
            {
                var response = await PartCall.Run(steps[i], stepRequest, deadline.Token).ConfigureAwait(false);
                var failed = MergeAccumulator.IsFailure(response);
                if (failed && ((i == 0 && policy == MergeFailurePolicy.Partial) || policy == MergeFailurePolicy.Abort))
                {
                    return ProxyResponse.Failed(response.Error ?? new ProxyError("invalid response"));
                }

                // Read the values later steps need before the merge moves this step's data into the result.
                if (byStep.Contains(i) && response.Data is not null && response.Error is null)
                {
                    stepRequest = stepRequest with { Params = WithReferences(stepRequest.Params, response.Data, byStep[i]) };
                }

                accumulator.Add(response);
                if (policy == MergeFailurePolicy.Partial && (failed || !response.IsComplete))
                {
                    break;
                }
            }

            return accumulator.Result();
        };
    }

    private static Dictionary<string, string> WithReferences(
        IReadOnlyDictionary<string, string> current,
        JsonObject data,
        IEnumerable<ResponseReference> references)
    {
        var parameters = new Dictionary<string, string>(current);
        foreach (var reference in references)
        {
            // Tolerant as KrakenD is: the last key is looked up in the deepest object the path reaches.
            if (reference.Path.TryFindTolerant(data, out var value))
            {
                parameters[reference.ParamKey] = PlaceholderValue.Format(value);
            }
        }

        return parameters;
    }
}
