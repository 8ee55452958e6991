namespace Switchyard.Templates.Parsing;

/// <summary>
/// A node of a parse tree (Go's <c>parse.Node</c>). <see cref="Position"/> is the character index in the template text
/// of the token the node starts at; <see cref="ToString"/> prints the node as Go does in error messages
/// (<c>executing "t" at &lt;.a.b&gt;</c>).
/// </summary>
internal abstract class Node(int position)
{
    public int Position { get; } = position;

    public abstract override string ToString();
}
