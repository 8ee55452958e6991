namespace Switchyard.Core.FanOut;

/// <summary>What removing a subscription did.</summary>
public enum RemoveOutcome
{
    /// <summary>Stopped and removed from the store.</summary>
    Removed,

    /// <summary>No subscription has that name.</summary>
    NotFound,

    /// <summary>It comes from the environment, which only a redeployment changes.</summary>
    Static,
}
