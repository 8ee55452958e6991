namespace Switchyard.Core.Policies.Cel;

/// <summary><c>||</c>: true as soon as either side is true, even when the other is an error; otherwise as <c>&amp;&amp;</c>.</summary>
internal sealed class CelOrNode(CelNode left, CelNode right) : CelNode
{
    public override CelValue Evaluate(CelFrame frame)
    {
        var first = left.Evaluate(frame);
        if (first.Kind == CelValueKind.Bool && first.AsBool)
        {
            return first;
        }

        var second = right.Evaluate(frame);
        if (second.Kind == CelValueKind.Bool && second.AsBool)
        {
            return second;
        }

        return CelLogic.Combine(CelOperatorNames.LogicalOr, first, second);
    }
}
