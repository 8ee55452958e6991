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

/// <summary><c>condition ? whenTrue : whenFalse</c>, evaluating only the branch taken.</summary>
internal sealed class CelConditionalNode(CelNode condition, CelNode whenTrue, CelNode whenFalse) : CelNode
{
    public override CelValue Evaluate(CelFrame frame)
    {
        var test = condition.Evaluate(frame);
        return test.Kind switch
        {
            CelValueKind.Bool => test.AsBool ? whenTrue.Evaluate(frame) : whenFalse.Evaluate(frame),
            CelValueKind.Error => test,
            _ => CelValue.NoSuchOverload(CelOperatorNames.Conditional, test),
        };
    }
}

/// <summary>What <c>&amp;&amp;</c> and <c>||</c> give when neither side decided: both bools, an error, or a non-bool.</summary>
internal static class CelLogic
{
    public static CelValue Combine(string function, in CelValue first, in CelValue second)
    {
        if (first.IsError)
        {
            return first;
        }

        if (second.IsError)
        {
            return second;
        }

        // Neither side decided, so both are bools of the neutral value: that value is the result.
        return first.Kind == CelValueKind.Bool && second.Kind == CelValueKind.Bool
            ? second
            : CelValue.NoSuchOverload(function, first, second);
    }
}
