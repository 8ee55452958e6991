namespace Switchyard.Core.Configuration;

/// <summary>The backend-level keys of the <c>proxy</c> namespace.</summary>
public sealed record BackendProxyOptions
{
    /// <summary>Replaces allow, deny and mapping when not empty (target and group still apply).</summary>
    public IReadOnlyList<FlatmapOperation> FlatmapFilter { get; init; } = [];

    /// <summary>Call this backend in the background and ignore its answer. <value>The default value is false.</value></summary>
    public bool Shadow { get; init; }

    /// <summary>Timeout of a shadow call. <value>The default value is the backend timeout.</value></summary>
    public TimeSpan? ShadowTimeout { get; init; }
}
