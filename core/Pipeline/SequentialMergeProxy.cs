using System.Text.Json.Nodes;
using Switchyard.Core.Pipeline.Formatting;

namespace Switchyard.Core.Pipeline;

/// <summary>
/// Calls the backends one after another within 85% of the endpoint timeout. Before step i, every
/// <c>{respN_a.b}</c> that step declares (N &lt; i) becomes the parameter <c>RespN_a.b</c>. The first step failing
/// fails the endpoint; a later step failing or answering incompletely stops the chain with what was gathered.
/// </summary>
internal static class SequentialMergeProxy
{
    /// <param name="endpointTimeout">The endpoint's timeout.</param>
    /// <param name="steps">The backends, in order.</param>
    /// <param name="references">
    /// Every <c>respN_x</c> name a step may need: the placeholders of the steps' url patterns and the endpoint's
    /// <c>sequential_propagated_params</c>.
    /// </param>
    public static Proxy Create(TimeSpan endpointTimeout, Proxy[] steps, IEnumerable<string> references)
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

            var accumulator = new MergeAccumulator(steps.Length);
            var stepRequest = request;
            for (var i = 0; i < steps.Length; i++)
            {
                var response = await PartCall.Run(steps[i], stepRequest, deadline.Token).ConfigureAwait(false);
                if (i == 0 && (response.Error is not null || response.Data is null))
                {
                    return ProxyResponse.Failed(response.Error ?? new ProxyError("invalid response"));
                }

                // Read the values later steps need before the merge moves this step's data into the result.
                if (byStep.Contains(i) && response.Data is not null && response.Error is null)
                {
                    stepRequest = stepRequest with { Params = WithReferences(stepRequest.Params, response.Data, byStep[i]) };
                }

                accumulator.Add(response);
                if (response.Error is not null || !response.IsComplete)
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
