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
        var chain = new SequentialReferences(steps.Length, references);
        return async (request, cancellationToken) =>
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(timeout);

            var accumulator = new MergeAccumulator(steps.Length, policy);
            var stepRequest = request;
            for (var i = 0; i < steps.Length; i++)
            {
                var response = await PartCall.Run(steps[i], stepRequest, deadline.Token).ConfigureAwait(false);
                var decision = SequentialReferences.Decide(i, response, policy);
                if (decision == SequentialDecision.Fail)
                {
                    return ProxyResponse.Failed(response.Error ?? MergeAccumulator.InvalidResponse);
                }

                stepRequest = chain.After(i, stepRequest, response);
                accumulator.Add(response);
                if (decision == SequentialDecision.AddAndStop)
                {
                    break;
                }
            }

            return accumulator.Result();
        };
    }
}
