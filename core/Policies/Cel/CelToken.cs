namespace Switchyard.Core.Policies.Cel;

/// <summary>
/// One token: its kind, where it starts (0-based offset), its source text (for messages) and, for literals, the
/// decoded value. An int literal holds its magnitude as a uint so that <c>-9223372036854775808</c> can be read.
/// </summary>
internal readonly record struct CelToken(CelTokenKind Kind, int Position, string Text, CelValue Literal = default)
{
    /// <summary>The token as ANTLR-style messages quote it: <c>&lt;EOF&gt;</c> at the end.</summary>
    public string Display => Kind == CelTokenKind.End ? "<EOF>" : Text;
}
