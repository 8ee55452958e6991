namespace Switchyard.Core.Policies.Cel;

/// <summary>
/// A node of a compiled program. Programs are trees of these, built once by <see cref="CelPlanner"/>; evaluation is a
/// walk that never parses, looks names up or reflects.
/// </summary>
internal abstract class CelNode
{
    public abstract CelValue Evaluate(CelFrame frame);
}

/// <summary>A constant.</summary>
internal sealed class CelConstantNode(CelValue value) : CelNode
{
    public override CelValue Evaluate(CelFrame frame) => value;
}

/// <summary>A variable, resolved through the activation the first time it is read in an evaluation.</summary>
internal sealed class CelVariableNode(int slot, string name) : CelNode
{
    public override CelValue Evaluate(CelFrame frame)
    {
        ref var value = ref frame.Slots[slot];
        if (value.Kind == CelValueKind.Unset)
        {
            value = frame.Activation.TryResolve(name, out var supplied)
                ? CelValueConverter.FromClr(supplied)
                : CelValue.Error($"no such attribute: {name}");
        }

        return value;
    }
}

/// <summary>A function of one argument; an error argument is the result.</summary>
internal sealed class CelUnaryNode(CelUnaryImplementation implementation, CelNode argument) : CelNode
{
    public override CelValue Evaluate(CelFrame frame)
    {
        var value = argument.Evaluate(frame);
        return value.IsError ? value : implementation(value);
    }
}

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
