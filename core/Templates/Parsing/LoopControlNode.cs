namespace Switchyard.Templates.Parsing;

/// <summary><c>{{break}}</c> or <c>{{continue}}</c> inside a <c>{{range}}</c>.</summary>
internal sealed class LoopControlNode(int position, bool isBreak) : Node(position)
{
    public bool IsBreak { get; } = isBreak;

    public override string ToString() => IsBreak ? "{{break}}" : "{{continue}}";
}
