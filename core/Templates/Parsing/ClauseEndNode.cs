namespace Switchyard.Templates.Parsing;

/// <summary><c>{{end}}</c> or <c>{{else}}</c>: only seen by the parser, which ends the enclosing list there.</summary>
internal sealed class ClauseEndNode(int position, bool isElse) : Node(position)
{
    public bool IsElse { get; } = isElse;

    public override string ToString() => IsElse ? "{{else}}" : "{{end}}";
}
