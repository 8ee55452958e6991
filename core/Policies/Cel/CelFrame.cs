namespace Switchyard.Core.Policies.Cel;

/// <summary>
/// The state of one evaluation: the activation and one slot per variable, holding each variable once it has been
/// resolved and each macro's current item.
/// </summary>
internal sealed class CelFrame(ICelActivation activation, int slotCount)
{
    public ICelActivation Activation => activation;

    public CelValue[] Slots { get; } = slotCount == 0 ? [] : new CelValue[slotCount];
}
