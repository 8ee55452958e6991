namespace Switchyard.Templates.Parsing;

/// <summary><c>.</c>: the current value.</summary>
internal sealed class DotNode(int position) : Node(position)
{
    public override string ToString() => ".";
}
