namespace Switchyard.Core.Policies.Cel;

/// <summary>
/// A node of a compiled program. Programs are trees of these, built once by <see cref="CelPlanner"/>; evaluation is a
/// walk that never parses, looks names up or reflects.
/// </summary>
internal abstract class CelNode
{
    public abstract CelValue Evaluate(CelFrame frame);
}
