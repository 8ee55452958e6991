namespace Switchyard.Core.Policies.Cel;

/// <summary>A constant.</summary>
internal sealed class CelConstantNode(CelValue value) : CelNode
{
    public override CelValue Evaluate(CelFrame frame) => value;
}
