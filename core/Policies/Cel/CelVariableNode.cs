namespace Switchyard.Core.Policies.Cel;

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
