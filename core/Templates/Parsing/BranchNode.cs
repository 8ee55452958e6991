namespace Switchyard.Templates.Parsing;

/// <summary><c>{{if}}</c>, <c>{{range}}</c> or <c>{{with}}</c>: a pipeline, a body and an optional else body.</summary>
internal sealed class BranchNode(int position, BranchKind kind, PipeNode pipe, ListNode list, ListNode? elseList)
    : Node(position)
{
    public BranchKind Kind { get; } = kind;

    public PipeNode Pipe { get; } = pipe;

    public ListNode List { get; } = list;

    public ListNode? ElseList { get; } = elseList;

    public override string ToString()
    {
        var name = Kind switch
        {
            BranchKind.If => "if",
            BranchKind.Range => "range",
            _ => "with",
        };
        return ElseList is null
            ? $"{{{{{name} {Pipe}}}}}{List}{{{{end}}}}"
            : $"{{{{{name} {Pipe}}}}}{List}{{{{else}}}}{ElseList}{{{{end}}}}";
    }
}
