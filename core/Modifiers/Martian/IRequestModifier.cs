namespace Switchyard.Core.Modifiers.Martian;

/// <summary>Martian's request scope: changes the backend request before it is sent.</summary>
internal interface IRequestModifier
{
    /// <summary>Changes <paramref name="request"/>; throws <see cref="MartianModifierException"/> when it cannot.</summary>
    void ModifyRequest(MartianRequest request);
}
