namespace Switchyard.Core.Policies.Cel;

/// <summary>
/// A node of a parsed expression. <see cref="Position"/> is the 0-based offset of the token that names the node
/// (an operator, a call's name, a field), where diagnostics point. Operators are calls of their
/// <see cref="CelOperatorNames"/>, as in CEL's own AST.
/// </summary>
internal abstract record CelExpr(int Position);

/// <summary>A constant: <c>1</c>, <c>'a'</c>, <c>true</c>, <c>null</c>...</summary>
internal sealed record CelLiteralExpr(int Position, CelValue Value) : CelExpr(Position);

/// <summary>A variable (or, inside a macro, its iteration variable).</summary>
internal sealed record CelIdentExpr(int Position, string Name) : CelExpr(Position);

/// <summary><c>operand.field</c>; with <see cref="IsPresenceTest"/>, <c>has(operand.field)</c>.</summary>
internal sealed record CelSelectExpr(int Position, CelExpr Operand, string Field, bool IsPresenceTest) : CelExpr(Position);

/// <summary>A function or operator call; <see cref="Target"/> is the receiver of <c>x.f(..)</c>.</summary>
internal sealed record CelCallExpr(int Position, string Function, CelExpr? Target, IReadOnlyList<CelExpr> Arguments) : CelExpr(Position);

/// <summary>A list literal <c>[a, b]</c>.</summary>
internal sealed record CelListExpr(int Position, IReadOnlyList<CelExpr> Elements) : CelExpr(Position);

/// <summary>A map literal <c>{k: v}</c>.</summary>
internal sealed record CelMapExpr(int Position, IReadOnlyList<CelMapEntry> Entries) : CelExpr(Position);

/// <summary>One <c>key: value</c> of a map literal.</summary>
internal sealed record CelMapEntry(CelExpr Key, CelExpr Value);

/// <summary>
/// A macro over a list's items or a map's keys: <c>range.all(x, predicate)</c>, <c>exists</c>, <c>exists_one</c>,
/// <c>filter</c>, and <c>map(x, transform)</c> or <c>map(x, predicate, transform)</c>.
/// </summary>
internal sealed record CelComprehensionExpr(int Position, CelMacro Macro, CelExpr Range, string Variable, CelExpr? Predicate, CelExpr? Transform)
    : CelExpr(Position);
