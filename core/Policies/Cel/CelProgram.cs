namespace Switchyard.Core.Policies.Cel;

/// <summary>
/// A compiled expression, safe to evaluate from many threads at once: each evaluation has its own frame.
/// </summary>
public sealed class CelProgram
{
    private readonly CelNode _root;
    private readonly int _slotCount;

    internal CelProgram(string expression, CelNode root, int slotCount, IReadOnlySet<string> variables, string resultType)
    {
        Expression = expression;
        _root = root;
        _slotCount = slotCount;
        Variables = variables;
        ResultType = resultType;
    }

    /// <summary>The source text.</summary>
    public string Expression { get; }

    /// <summary>The top-level variables the expression reads (macro variables excluded).</summary>
    public IReadOnlySet<string> Variables { get; }

    /// <summary>
    /// The type the checker found: <c>bool</c> for a policy, <c>dyn</c> when it depends on data (<c>resp_data.ok</c>),
    /// or another type (<c>int</c>, <c>string</c>...) that can never satisfy a policy.
    /// </summary>
    public string ResultType { get; }

    /// <summary>
    /// True only when the expression evaluates to the bool true; false for false, any runtime error, or a non-bool
    /// result. <paramref name="error"/> says why when it is not true because of an error (null otherwise).
    /// </summary>
    public bool IsSatisfied(ICelActivation activation, out string? error)
    {
        CelValue result;
        try
        {
            result = Run(activation);
        }
        catch (Exception exception) when (exception is InvalidOperationException or FormatException or InvalidCastException or ArgumentException)
        {
            // A value the activation supplied that cannot be read (a malformed JSON node...) fails the policy, never passes it.
            error = exception.Message;
            return false;
        }

        error = result.IsError ? result.ErrorMessage : null;
        return result.Kind == CelValueKind.Bool && result.AsBool;
    }

    /// <summary>The raw result, converted to .NET (<see cref="long"/>, <see cref="string"/>, <c>List&lt;object?&gt;</c>...).</summary>
    /// <exception cref="CelEvaluationException">The evaluation failed.</exception>
    public object? Evaluate(ICelActivation activation) => CelValueConverter.ToClr(Run(activation));

    private CelValue Run(ICelActivation activation) => _root.Evaluate(new CelFrame(activation, _slotCount));

    public override string ToString() => Expression;
}
