namespace Switchyard.Templates;

/// <summary>
/// Thrown by a <see cref="TemplateFunction"/> that cannot produce a value (Go's non-nil second result). The executor
/// reports it as <c>error calling NAME: message</c> at the position of the call. <see cref="WrongType"/> builds the
/// other failure Go has: an argument that does not fit the parameter's type, which Go reports before calling, at the
/// argument, without "error calling".
/// </summary>
public sealed class TemplateFunctionException : Exception
{
    public TemplateFunctionException(string message)
        : base(message)
    {
    }

    private TemplateFunctionException(int argumentIndex, string expectedType, object? actual)
        : base($"wrong type for value; expected {expectedType}; got {GoValues.TypeName(actual)}")
    {
        ArgumentIndex = argumentIndex;
        ExpectedType = expectedType;
    }

    /// <summary>
    /// Argument <paramref name="argumentIndex"/> (0-based, the pipeline's value counting as the last) is
    /// <paramref name="actual"/> where the function wants a Go <paramref name="expectedType"/> ("string", "int",
    /// "float64", "bool", ...). Reported as Go does: <c>wrong type for value; expected int; got float64</c>, or for a
    /// literal <c>expected integer; found "x"</c>.
    /// </summary>
    public static TemplateFunctionException WrongType(int argumentIndex, string expectedType, object? actual) =>
        new(argumentIndex, expectedType, actual);

    /// <summary>The argument that does not fit, when this is a <see cref="WrongType"/> failure; otherwise -1.</summary>
    public int ArgumentIndex { get; } = -1;

    /// <summary>The Go type the argument should have had, when this is a <see cref="WrongType"/> failure.</summary>
    public string? ExpectedType { get; }
}
