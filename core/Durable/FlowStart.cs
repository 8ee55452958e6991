namespace Switchyard.Core.Durable;

/// <summary>What starting a flow did: started it, or found one with the same instance id (which it never starts again).</summary>
/// <param name="InstanceId">The flow's instance id.</param>
/// <param name="IsNew">False when a flow with this id existed already.</param>
public sealed record FlowStart(string InstanceId, bool IsNew);
