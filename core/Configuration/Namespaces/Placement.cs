namespace Switchyard.Core.Configuration.Namespaces;

/// <summary>Where an <c>extra_config</c> object sits in a configuration.</summary>
[Flags]
public enum Placement
{
    None = 0,

    /// <summary>The root object's <c>extra_config</c>.</summary>
    Service = 1,

    /// <summary>A published endpoint's <c>extra_config</c>.</summary>
    Endpoint = 2,

    /// <summary>The nested endpoint a backend opens with <c>workflow</c>.</summary>
    Workflow = 4,

    /// <summary>A backend's <c>extra_config</c>, at any depth.</summary>
    Backend = 8,

    /// <summary>An <c>async_agent</c>'s <c>extra_config</c>: its driver and the namespaces of the pipe it runs.</summary>
    Agent = 16,
}
