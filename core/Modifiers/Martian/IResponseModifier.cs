namespace Switchyard.Core.Modifiers.Martian;

/// <summary>Martian's response scope: changes the backend's raw response before Switchyard checks and decodes it.</summary>
internal interface IResponseModifier
{
    /// <summary>Changes <paramref name="response"/>; throws <see cref="MartianModifierException"/> when it cannot.</summary>
    void ModifyResponse(MartianResponse response);
}
