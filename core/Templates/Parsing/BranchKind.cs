namespace Switchyard.Templates.Parsing;

/// <summary>The three control structures with a pipeline, a body and an optional else.</summary>
internal enum BranchKind
{
    If,
    Range,
    With,
}
