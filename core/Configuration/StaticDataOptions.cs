using System.Text.Json.Nodes;

namespace Switchyard.Core.Configuration;

/// <summary>When the static data of <c>proxy.static</c> is merged into the response.</summary>
public enum StaticStrategy
{
    Always,
    Success,
    Complete,
    Errored,
    Incomplete,
}

/// <summary>The <c>proxy.static</c> object.</summary>
public sealed record StaticDataOptions
{
    public StaticStrategy Strategy { get; init; } = StaticStrategy.Always;

    public JsonObject Data { get; init; } = [];
}
