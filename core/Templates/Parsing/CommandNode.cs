namespace Switchyard.Templates.Parsing;

/// <summary>One stage of a pipeline: an operand, followed by arguments when it is a function.</summary>
internal sealed class CommandNode(int position) : Node(position)
{
    public List<Node> Arguments { get; } = [];

    public override string ToString() =>
        string.Join(" ", Arguments.Select(argument => argument is PipeNode ? $"({argument})" : argument.ToString()));
}
