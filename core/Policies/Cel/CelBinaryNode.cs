namespace Switchyard.Core.Policies.Cel;

/// <summary>A function of two arguments; the first error argument, left to right, is the result.</summary>
internal sealed class CelBinaryNode(CelBinaryImplementation implementation, CelNode left, CelNode right) : CelNode
{
    public override CelValue Evaluate(CelFrame frame)
    {
        var first = left.Evaluate(frame);
        if (first.IsError)
        {
            return first;
        }

        var second = right.Evaluate(frame);
        return second.IsError ? second : implementation(first, second);
    }
}
