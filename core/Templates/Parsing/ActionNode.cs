namespace Switchyard.Templates.Parsing;

/// <summary><c>{{pipeline}}</c>: prints the pipeline's value unless the pipeline declares variables.</summary>
internal sealed class ActionNode(int position, PipeNode pipe) : Node(position)
{
    public PipeNode Pipe { get; } = pipe;

    public override string ToString() => $"{{{{{Pipe}}}}}";
}
