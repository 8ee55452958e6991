namespace Switchyard.Core.Policies.Cel;

/// <summary>
/// <c>&amp;&amp;</c>: false as soon as either side is false, even when the other is an error (CEL's logical operators
/// are commutative on errors); otherwise the first error, or a type error for a non-bool.
/// </summary>
internal sealed class CelAndNode(CelNode left, CelNode right) : CelNode
{
    public override CelValue Evaluate(CelFrame frame)
    {
        var first = left.Evaluate(frame);
        if (first.Kind == CelValueKind.Bool && !first.AsBool)
        {
            return first;
        }

        var second = right.Evaluate(frame);
        if (second.Kind == CelValueKind.Bool && !second.AsBool)
        {
            return second;
        }

        return CelLogic.Combine(CelOperatorNames.LogicalAnd, first, second);
    }
}
