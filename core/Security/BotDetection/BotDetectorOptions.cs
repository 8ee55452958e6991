namespace Switchyard.Core.Security.BotDetection;

/// <summary>
/// The <c>security/bot-detector</c> namespace of the service or of an endpoint: which <c>User-Agent</c> values are
/// bots, turned away with 403. The rules are those of KrakenD's bot detector.
/// </summary>
public sealed record BotDetectorOptions
{
    /// <summary>User agents that always pass, matched exactly (<c>allow</c>); checked first. <value>The default value is empty.</value></summary>
    public IReadOnlyList<string> Allow { get; init; } = [];

    /// <summary>User agents that are bots, matched exactly (<c>deny</c>). <value>The default value is empty.</value></summary>
    public IReadOnlyList<string> Deny { get; init; } = [];

    /// <summary>
    /// RE2 expressions that mark a bot when they match anywhere in the user agent (<c>patterns</c>; not anchored).
    /// <value>The default value is empty.</value>
    /// </summary>
    public IReadOnlyList<string> Patterns { get; init; } = [];

    /// <summary>
    /// How many user agents keep their verdict in a least-recently-used cache (<c>cache_size</c>); 0 caches nothing.
    /// <value>The default value is 0.</value>
    /// </summary>
    public int CacheSize { get; init; }

    /// <summary>Treat a missing or empty user agent as a bot (<c>empty_user_agent_is_bot</c>). <value>The default value is false.</value></summary>
    public bool EmptyUserAgentIsBot { get; init; }
}
