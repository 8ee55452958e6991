namespace Switchyard.Core.Configuration.Namespaces;

/// <summary>
/// One <c>extra_config</c> namespace KrakenD (or Switchyard) defines, and what Switchyard does with it.
/// </summary>
/// <param name="Name">The short name, such as <c>auth/validator</c>.</param>
/// <param name="Feature">What it configures, in a few words (<c>JWT validation</c>).</param>
/// <param name="ServedAt">Where Switchyard reads and enforces it; <see cref="Placement.None"/> when nowhere.</param>
/// <param name="Loss">
/// What a configuration would silently lose if the namespace were ignored: access control, traffic limits, transport
/// security, or a change to what reaches a backend or a client. Null when ignoring it only loses a convenience (a log
/// format, documentation); such a namespace is a warning where it is not served, any other is an error.
/// </param>
public sealed record KnownNamespace(string Name, string Feature, Placement ServedAt, string? Loss)
{
    /// <summary>Old names KrakenD still accepts for this namespace.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>
    /// True when the namespace acts on a client's HTTP request (a token, an origin, a user agent): an async agent's
    /// message has none, so on an agent it is an error whatever else is true.
    /// </summary>
    public bool NeedsClientRequest { get; init; }

    /// <summary>What an async agent uses instead, told when the namespace is refused on one; null when nothing.</summary>
    public string? OnAgent { get; init; }

    /// <summary>True when ignoring it would weaken a protection or change what reaches a backend or a client.</summary>
    public bool IsProtective => Loss is not null;
}
