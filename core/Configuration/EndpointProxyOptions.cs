namespace Switchyard.Core.Configuration;

/// <summary>The endpoint-level keys of the <c>proxy</c> namespace.</summary>
public sealed record EndpointProxyOptions
{
    /// <summary>Call backends one after another. <value>The default value is false.</value></summary>
    public bool Sequential { get; init; }

    /// <summary>
    /// Extra <c>respN_x</c> names that later steps may use even if no <c>url_pattern</c> declares them
    /// (<c>respN</c> alone is the raw body of step N).
    /// </summary>
    public IReadOnlyList<string> SequentialPropagatedParams { get; init; } = [];

    /// <summary>Static data merged into responses, or null.</summary>
    public StaticDataOptions? Static { get; init; }

    /// <summary>Operations applied to the merged response, or empty.</summary>
    public IReadOnlyList<FlatmapOperation> FlatmapFilter { get; init; } = [];
}
