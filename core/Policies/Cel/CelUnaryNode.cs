namespace Switchyard.Core.Policies.Cel;

/// <summary>A function of one argument; an error argument is the result.</summary>
internal sealed class CelUnaryNode(CelUnaryImplementation implementation, CelNode argument) : CelNode
{
    public override CelValue Evaluate(CelFrame frame)
    {
        var value = argument.Evaluate(frame);
        return value.IsError ? value : implementation(value);
    }
}
