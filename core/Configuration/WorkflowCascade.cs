namespace Switchyard.Core.Configuration;

/// <summary>
/// Cascades into the workflow a backend opens, as into any endpoint (<see cref="ConfigCascade.ApplyToEndpoint"/>),
/// with the backend and its endpoint as the parent instead of the service.
/// </summary>
/// <remarks>
/// What flows down: the timeout of the parent endpoint (or workflow), the method and cleaned hosts of the opening
/// backend (its own, else what it inherited, so the root hosts reach every depth), and the published endpoint's
/// <c>input_headers</c>/<c>input_query_strings</c>, so <c>{input_headers.X}</c> reads the same header at any depth.
/// What does not: <c>concurrent_calls</c> (1), <c>switchyard/hedging</c> and <c>output_encoding</c> (json) start afresh, and a workflow is
/// never cached.
/// </remarks>
internal static class WorkflowCascade
{
    /// <param name="workflow">The workflow as parsed.</param>
    /// <param name="owner">The backend that opens it, already cascaded.</param>
    /// <param name="parent">The endpoint or workflow holding <paramref name="owner"/>, already cascaded.</param>
    /// <param name="problems">Where errors and warnings go.</param>
    public static EndpointConfig Apply(EndpointConfig workflow, BackendConfig owner, EndpointConfig parent, ConfigProblems problems)
    {
        var inherited = workflow with
        {
            Method = owner.Method,
            InputHeaders = parent.InputHeaders,
            InputQueryStrings = parent.InputQueryStrings,
            CacheTtl = TimeSpan.Zero,
            IsDurable = workflow.IsDurable || parent.IsDurable,
        };

        var defaults = new CascadeDefaults(owner.Host, parent.Timeout, TimeSpan.Zero, EncodingNames.Json);
        return ConfigCascade.ApplyToEndpoint(inherited, defaults, problems);
    }
}
