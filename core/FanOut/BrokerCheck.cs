namespace Switchyard.Core.FanOut;

/// <summary>What a broker answered to a test connection (the management API maps it to 200, 401 and 503).</summary>
public enum BrokerCheck
{
    /// <summary>Connected with the credentials.</summary>
    Reachable,

    /// <summary>The broker refused the user or the password.</summary>
    CredentialsRefused,

    /// <summary>No broker answered (down, wrong host or port, timeout, TLS failure).</summary>
    Unreachable,
}
