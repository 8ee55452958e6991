namespace Switchyard.Core.FanOut;

/// <summary>What adding a subscription did (the management API maps it to 200, 412, 401 and 503).</summary>
public enum AddOutcome
{
    /// <summary>Saved, and started when the agents are running.</summary>
    Added,

    /// <summary>A subscription with the same name (<c>app_name-app_env</c>) exists.</summary>
    Duplicate,

    /// <summary>The broker refused the credentials; nothing saved.</summary>
    CredentialsRefused,

    /// <summary>The broker could not be reached; nothing saved.</summary>
    BrokerUnreachable,
}
