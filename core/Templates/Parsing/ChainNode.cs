namespace Switchyard.Templates.Parsing;

/// <summary><c>(pipeline).a.b</c>: map keys looked up from the value of a term that is not dot or a variable.</summary>
internal sealed class ChainNode(int position, Node operand, string[] fields) : Node(position)
{
    public Node Operand { get; } = operand;

    public string[] Fields { get; } = fields;

    public override string ToString() =>
        (Operand is PipeNode ? $"({Operand})" : Operand.ToString()) + "." + string.Join(".", Fields);
}
