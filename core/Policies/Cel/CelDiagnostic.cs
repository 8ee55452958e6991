namespace Switchyard.Core.Policies.Cel;

/// <summary>A compile error of an expression.</summary>
/// <param name="Column">1-based position of the offending character in the expression.</param>
/// <param name="Message">What is wrong, in cel-go's words where it has some (<c>undeclared reference to 'x'</c>).</param>
public sealed record CelDiagnostic(int Column, string Message)
{
    public override string ToString() => $"column {Column}: {Message}";
}
