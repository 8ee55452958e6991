namespace Switchyard.Core.Configuration.Namespaces;

/// <summary>A key of the root object or of the <c>router</c> namespace that Switchyard knows and does not serve.</summary>
/// <param name="Owner">Where the key is written: <see cref="UnservedKeys.Root"/> or <see cref="UnservedKeys.Router"/>.</param>
/// <param name="Key">The key, such as <c>tls</c>.</param>
/// <param name="Feature">What it configures, in a few words.</param>
/// <param name="Loss">
/// What ignoring it would lose: a protection, or a change to what reaches a backend or a client. Null when it only tunes
/// a convenience; such a key is a warning, any other an error.
/// </param>
public sealed record UnservedKey(string Owner, string Key, string Feature, string? Loss)
{
    /// <summary>True when ignoring the key would weaken a protection or change what reaches a backend or a client.</summary>
    public bool IsProtective => Loss is not null;
}
