namespace Switchyard.Templates.Parsing;

/// <summary>
/// A literal: <c>nil</c>, <c>true</c>/<c>false</c>, a string or a number. <see cref="Value"/> is what it evaluates to
/// (<c>long</c> for integer constants and characters, <c>double</c> for the others, as Go's untyped constants become
/// <c>int</c> and <c>float64</c>); <see cref="Text"/> is how it was written.
/// </summary>
internal sealed class ConstantNode(int position, ConstantKind kind, string text, object? value) : Node(position)
{
    public ConstantKind Kind { get; } = kind;

    public string Text { get; } = text;

    public object? Value { get; } = value;

    public override string ToString() => Text;
}
