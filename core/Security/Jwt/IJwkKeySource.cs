namespace Switchyard.Core.Security.Jwt;

/// <summary>Where a validator or a signer finds its keys: a downloaded and refreshed set, or a local file.</summary>
public interface IJwkKeySource
{
    /// <summary>Completes once the first attempt to obtain the set has ended, whether it succeeded or not.</summary>
    Task Ready { get; }

    /// <summary>
    /// The set to use now, or null when there is none: not yet obtained, or expired after a refresh failed (tokens are
    /// then refused). Never waits; may start a refresh in the background.
    /// </summary>
    JwkKeySet? Snapshot();

    /// <summary>
    /// For a key id the current set does not hold: waits for a new download when one is allowed (one at a time, shared
    /// by every caller, at most once per cooldown) and returns the set then current.
    /// </summary>
    ValueTask<JwkKeySet?> RefreshForUnknownKeyAsync(CancellationToken cancellationToken);
}
