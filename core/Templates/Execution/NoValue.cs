namespace Switchyard.Templates.Execution;

/// <summary>
/// Go's invalid <c>reflect.Value</c>: what a missing map key, nil data, or a nil result of a pipeline evaluates to.
/// It prints as <c>&lt;no value&gt;</c>, is false, and reading a field of it gives it again (a field of an actual nil
/// element fails instead). Functions never see it: it reaches them as null.
/// </summary>
internal sealed class NoValue
{
    public static readonly NoValue Instance = new();

    /// <summary>Marks "no value from the previous pipeline stage" (Go's <c>missingVal</c>), distinct from a value.</summary>
    public static readonly object NoFinal = new();

    private NoValue()
    {
    }
}
