using System.Text.Json.Nodes;
using Switchyard.Core.Pipeline.Formatting;

namespace Switchyard.Core.Pipeline;

/// <summary>
/// The <c>{respN_a.b}</c> values of a sequential chain: after step N answers, every <c>respN_x</c> a later step needs
/// becomes the parameter <c>RespN_x</c> of the requests that follow. Built once per chain, shared by the in-memory and
/// the durable runs of it.
/// </summary>
internal sealed class SequentialReferences
{
    private readonly ILookup<int, ResponseReference> _byStep;

    /// <param name="steps">How many steps the chain has.</param>
    /// <param name="references">
    /// Every <c>respN_x</c> name a step may need: the placeholders of the steps' url patterns and the endpoint's
    /// <c>sequential_propagated_params</c>.
    /// </param>
    public SequentialReferences(int steps, IEnumerable<string> references) =>
        _byStep = references
            .Select(ResponseReference.TryParse)
            .OfType<ResponseReference>()
            .Where(r => r.Step < steps - 1)
            .DistinctBy(r => r.ParamKey)
            .ToLookup(r => r.Step);

    /// <summary>
    /// The request of the steps after <paramref name="step"/>, with the values they need from its answer. Read before the
    /// merge moves the answer's data into the result.
    /// </summary>
    public ProxyRequest After(int step, ProxyRequest request, ProxyResponse response)
    {
        if (!_byStep.Contains(step) || response.Data is not { } data || response.Error is not null)
        {
            return request;
        }

        var parameters = new Dictionary<string, string>(request.Params);
        foreach (var reference in _byStep[step])
        {
            // Tolerant as KrakenD is: the last key is looked up in the deepest object the path reaches.
            if (reference.Path.TryFindTolerant(data, out var value))
            {
                parameters[reference.ParamKey] = PlaceholderValue.Format(value);
            }
        }

        return request with { Params = parameters };
    }

    /// <summary>What the chain does once step <paramref name="step"/> has answered <paramref name="response"/>.</summary>
    public static SequentialDecision Decide(int step, ProxyResponse response, MergeFailurePolicy policy)
    {
        var failed = MergeAccumulator.IsFailure(response);
        if (failed && ((step == 0 && policy == MergeFailurePolicy.Partial) || policy == MergeFailurePolicy.Abort))
        {
            return SequentialDecision.Fail;
        }

        return policy == MergeFailurePolicy.Partial && (failed || !response.IsComplete) ? SequentialDecision.AddAndStop : SequentialDecision.AddAndContinue;
    }
}

/// <summary>What a sequential chain does after a step.</summary>
internal enum SequentialDecision
{
    /// <summary>The chain fails with the step's error.</summary>
    Fail,

    /// <summary>The answer joins the result and the chain stops there.</summary>
    AddAndStop,

    /// <summary>The answer joins the result and the next step runs.</summary>
    AddAndContinue,
}
