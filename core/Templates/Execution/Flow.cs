namespace Switchyard.Templates.Execution;

/// <summary>How a walk of a node ended: normally, or at a <c>{{break}}</c> or <c>{{continue}}</c> for the enclosing range.</summary>
internal enum Flow
{
    Normal,
    Break,
    Continue,
}
