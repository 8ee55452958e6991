using System.Text;

namespace Switchyard.Templates.Parsing;

/// <summary>A sequence of nodes: a template's body or the body of a control structure.</summary>
internal sealed class ListNode(int position) : Node(position)
{
    public List<Node> Nodes { get; } = [];

    public override string ToString()
    {
        var builder = new StringBuilder();
        foreach (var node in Nodes)
        {
            builder.Append(node);
        }
        return builder.ToString();
    }

    /// <summary>Go's <c>IsEmptyTree</c>: nothing but white space (comments are already gone).</summary>
    public bool IsEmpty => Nodes.TrueForAll(node => node is TextNode text && string.IsNullOrWhiteSpace(text.Text));
}
