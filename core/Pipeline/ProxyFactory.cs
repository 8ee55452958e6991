using System.Text.Json.Nodes;
using Switchyard.Core.Configuration;
using Switchyard.Core.Durable;
using Switchyard.Core.Encoding;
using Switchyard.Core.Pipeline.Formatting;
using Switchyard.Core.Policies;
using Switchyard.Core.Resilience;
using Switchyard.Core.Schemas;
using Switchyard.Core.Telemetry;
using Switchyard.Core.Telemetry.Metrics;
using Switchyard.Core.Telemetry.OpenTelemetry;
using Switchyard.Core.Telemetry.Tracing;
using Switchyard.Core.Workflows;

namespace Switchyard.Core.Pipeline;

/// <summary>
/// Compiles configuration into pipes. The order of the layers, outermost first, can be read here and only here:
/// <code>
/// endpoint: pipe metrics (krakend.proxy.duration) → proxy span → policies (req before, resp after) → JSON schema of
///           the body → shadow split → static → endpoint flatmap → merge of the backends (parallel or sequential;
///           several backends only)
/// backend:  request builder (filters, method, url_pattern) → concurrent calls (all at once, or hedged; a span per call)
///           → load balancer → backend span → backend metrics (krakend.backend.duration, one per call)
///           → resilience (circuit breaker → rate limit; BackendResilience) → policies
///           → HTTP call (the backend's client: martian → cache → client credentials; BackendClient)
///           → status check → decode → formatter (target, allow/deny/mapping or flatmap, group)
/// workflow backend: backend span → backend metrics → resilience (as above) → policies → the nested endpoint's pipe
///           (built by this same code, its proxy span a child of the backend span) within its timeout → formatter
/// </code>
/// The spans (<see cref="GatewayTracing.Source"/>) and metrics follow <paramref name="telemetry"/>'s layers, each
/// endpoint's and backend's own override, and its skip paths (null reads as the defaults: every layer on); nobody
/// listening, no span is created and nothing is measured.
/// A workflow is an endpoint: the same <see cref="CreatePipe"/> builds it at any depth, only its failure policy
/// differs (a workflow stops at its first failing step unless <c>ignore_errors</c>). A durable workflow opened by an
/// in-memory pipe is a flow of its own, which <paramref name="durableWorkflows"/> runs (a durable pipe's own workflows
/// are the durable engine's to run). What a backend keeps between requests (breaker, bucket, cache, token) lives in
/// <paramref name="states"/>, so factories given the same states share it.
/// </summary>
public sealed class ProxyFactory(
    HttpMessageInvoker client,
    DecoderRegistry decoders,
    TimeProvider? timeProvider = null,
    DurableWorkflowRunner? durableWorkflows = null,
    BackendStates? states = null,
    OpenTelemetryOptions? telemetry = null)
{
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;
    private readonly BackendStates _states = states ?? new BackendStates(timeProvider);
    private readonly OpenTelemetryOptions _telemetry = telemetry ?? new OpenTelemetryOptions();

    /// <summary>The pipe of a published endpoint (or an agent's).</summary>
    public Proxy CreateEndpoint(EndpointConfig endpoint) => ProxyMetrics.Create(
        endpoint, _telemetry, CreatePipe(endpoint, MergeFailurePolicy.Partial, endpoint.Endpoint, traced: !_telemetry.Skips(endpoint)));

    /// <summary>The pipe of one backend, from the request builder down to the formatter (or its nested workflow).</summary>
    public Proxy CreateBackend(BackendConfig backend) => CreateBackend(null, backend, step: 0, inDurablePipe: false, traced: true);

    private Proxy CreateBackend(EndpointConfig? endpoint, BackendConfig backend, int step, bool inDurablePipe, bool traced)
    {
        Proxy Traced(Proxy call) => traced ? BackendSpanProxy.Create(endpoint, backend, step, _telemetry.BackendLayerOf(backend).Traces, call) : call;
        var route = new BackendRoute(backend, endpoint);

        Func<JsonObject, JsonObject>? format = ResponseFormatter.Create(backend) is { } formatter ? formatter.Format : null;
        if (backend.Workflow is { } workflow)
        {
            var failurePolicy = workflow.IgnoreErrors ? MergeFailurePolicy.Continue : MergeFailurePolicy.Abort;
            var pipe = workflow.IsDurable && !inDurablePipe
                ? DurableWorkflow(workflow, failurePolicy)
                : CreatePipe(workflow, failurePolicy, WorkflowProxy.NameOf(workflow), traced);
            var workflowProxy = WithPolicies(backend.Policies, backend.CelChecks, WorkflowProxy.Create(workflow, pipe, format));
            return Traced(BackendMetrics.Create(route, _telemetry, BackendResilience.Create(route, _states, workflowProxy)));
        }

        var backendClient = BackendClient.Create(backend, client, _states);
        var proxy = backend.Encoding == EncodingNames.NoOp
            ? NoOpBackendProxy.Create(backendClient)
            : HttpBackendProxy.Create(backendClient, backend, decoders.Get(backend.Encoding), format, PayloadRead.For(route, _telemetry, traced));

        proxy = WithPolicies(backend.Policies, backend.CelChecks, proxy);
        proxy = BackendResilience.Create(route, _states, proxy);
        proxy = Traced(BackendMetrics.Create(route, _telemetry, proxy));
        proxy = LoadBalancedProxy.Create(new HostBalancer(backend.Host), proxy);
        var (calls, hedgeDelay) = backend.Hedging is { } hedging ? (hedging.MaxCalls, hedging.Delay) : (backend.ConcurrentCalls, TimeSpan.Zero);
        if (calls > 1)
        {
            proxy = ConcurrentCallsProxy.Create(calls, hedgeDelay, backend.Timeout, _time, proxy, RaceCallSpan.NameOf(backend));
        }

        return BackendRequestProxy.Create(backend, UrlTemplate.Parse(backend.UrlPattern), proxy);
    }

    private Proxy CreatePipe(EndpointConfig endpoint, MergeFailurePolicy failurePolicy, string spanName, bool traced)
    {
        var main = endpoint.Backends.Where(b => !b.Proxy.Shadow).ToArray();
        var shadows = endpoint.Backends.Where(b => b.Proxy.Shadow).ToArray();

        var parts = main.Select((backend, step) => CreateBackend(endpoint, backend, step, endpoint.IsDurable, traced)).ToArray();
        var proxy = parts.Length switch
        {
            1 => parts[0],
            _ when endpoint.Proxy.Sequential => SequentialMergeProxy.Create(endpoint.Timeout, parts, SequentialReferenceNames(endpoint, main), failurePolicy),
            _ => ParallelMergeProxy.Create(endpoint.Timeout, parts, failurePolicy),
        };

        if (parts.Length > 1 && endpoint.Proxy.FlatmapFilter.Count > 0)
        {
            proxy = EndpointFlatmapProxy.Create(FlatmapFilter.Create(endpoint.Proxy.FlatmapFilter), proxy);
        }

        if (endpoint.Proxy.Static is { } staticData)
        {
            proxy = StaticDataProxy.Create(staticData, proxy);
        }

        // Inside the request checks, as KrakenD's shadow backends are inside its merger: a refused request reaches none.
        if (shadows.Length > 0)
        {
            var shadowTimeout = shadows.Max(b => b.Proxy.ShadowTimeout ?? b.Timeout);
            proxy = ShadowProxy.Create(
                proxy, [.. shadows.Select((backend, i) => CreateBackend(endpoint, backend, main.Length + i, endpoint.IsDurable, traced))], shadowTimeout);
        }

        if (endpoint.JsonSchema is { } schema)
        {
            proxy = RequestSchemaProxy.Create(schema, proxy);
        }

        proxy = WithPolicies(endpoint.Policies, endpoint.CelChecks, proxy, validatorChecksClaims: endpoint.JwtValidator is not null);

        return traced ? ProxySpanProxy.Create(endpoint, spanName, _telemetry.ProxyLayerOf(endpoint), proxy) : proxy;
    }

    /// <summary>
    /// Every <c>respN_x</c> a sequential endpoint's steps may read: the placeholders of their url patterns and of the
    /// workflows they open, and the endpoint's <c>sequential_propagated_params</c>.
    /// </summary>
    internal static IEnumerable<string> SequentialReferenceNames(EndpointConfig endpoint, IReadOnlyList<BackendConfig> main) =>
        main.SelectMany(b => UrlTemplate.Parse(b.UrlPattern).Placeholders)
            .Concat(main.Where(b => b.Workflow is not null).SelectMany(b => UrlTemplate.Parse(b.Workflow!.Endpoint).Placeholders))
            .Concat(endpoint.Proxy.SequentialPropagatedParams);

    // Never the workflow run in memory instead: a configured durability is kept or the pipe is not built.
    private Proxy DurableWorkflow(EndpointConfig workflow, MergeFailurePolicy failurePolicy)
    {
        var run = durableWorkflows
            ?? throw new InvalidOperationException($"{workflow.JsonPath}: a durable workflow in an in-memory pipe needs the durable engine");
        return (request, cancellationToken) => run(workflow, failurePolicy, request, cancellationToken);
    }

    private Proxy WithPolicies(SecurityPoliciesOptions? policies, IReadOnlyList<string> celChecks, Proxy next, bool validatorChecksClaims = false) =>
        PolicyChecks.Create(policies, celChecks, validatorChecksClaims) is { } checks ? PolicyProxy.Create(checks, _time, next) : next;
}
