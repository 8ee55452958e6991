namespace Switchyard.Core.Configuration;

/// <summary>The outcome of loading a configuration: the validated service, or every error found.</summary>
public sealed record ConfigLoadResult
{
    /// <summary>The validated configuration, or null when there is any error.</summary>
    public ServiceConfig? Config { get; init; }

    /// <summary>Problems that stop the gateway from starting, in the order they were found.</summary>
    public IReadOnlyList<ConfigProblem> Errors { get; init; } = [];

    /// <summary>Problems that do not stop the gateway (unsupported keys, ignored endpoints...).</summary>
    public IReadOnlyList<ConfigProblem> Warnings { get; init; } = [];

    /// <summary>
    /// For a flexible configuration, the JSON its template rendered: what was loaded, and what the line numbers of a
    /// JSON error refer to. Null for a plain file.
    /// </summary>
    public string? RenderedJson { get; init; }

    /// <summary>Where the rendered JSON was kept (<c>FC_OUT</c>, <c>--out</c>), or null.</summary>
    public string? RenderedFile { get; init; }

    /// <summary>
    /// For a flexible configuration, the template actions that printed <c>&lt;no value&gt;</c> (a key the settings do
    /// not have), each as <c>krakend.tmpl:12:5: {{.service.port}} printed &lt;no value&gt;</c>.
    /// </summary>
    public IReadOnlyList<string> RenderedNoValues { get; init; } = [];
}
