namespace Switchyard.Templates.Parsing;

/// <summary>
/// A pipeline: optional variable declarations (<c>$x :=</c>) or assignments (<c>$x =</c>), then commands separated by
/// <c>|</c>, each command's value passed as the last argument of the next.
/// </summary>
internal sealed class PipeNode(int position) : Node(position)
{
    public bool IsAssign { get; set; }

    public List<VariableNode> Declarations { get; } = [];

    public List<CommandNode> Commands { get; } = [];

    public override string ToString()
    {
        var commands = string.Join(" | ", Commands);
        if (Declarations.Count == 0)
        {
            return commands;
        }
        return $"{string.Join(", ", Declarations)} {(IsAssign ? "=" : ":=")} {commands}";
    }
}
