namespace Switchyard.Core.Policies.Cel;

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
