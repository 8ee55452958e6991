using Microsoft.DurableTask.Testing.Sidecar;
using Microsoft.Extensions.Logging.Abstractions;
using Switchyard.Core.Configuration;
using Switchyard.Core.Durable;
using Switchyard.Core.Encoding;
using Switchyard.Core.Pipeline;

namespace Switchyard.Core.Tests.Durable;

/// <summary>
/// A configuration's first endpoint run both ways: in memory by the factory's pipe, and as a durable flow on the
/// engine's in-memory service (no storage), both calling the same real loopback backends.
/// </summary>
internal sealed class DurableHarness : IAsyncDisposable
{
    private static readonly HttpMessageInvoker Client = BackendHttpClient.Create();

    private readonly ProxyFactory _proxies = new(Client, DecoderRegistry.Default);
    private readonly DurableEngine _engine;
    private readonly ProxyFactory _gatewayProxies;

    private DurableHarness(ServiceConfig config)
    {
        Config = config;
        var service = new InMemoryOrchestrationService(NullLoggerFactory.Instance);
        _engine = new DurableEngine(service, service, new DurablePipes(config), _proxies, TimeSpan.FromMilliseconds(2), NullLoggerFactory.Instance);
        _gatewayProxies = new ProxyFactory(Client, DecoderRegistry.Default, durableWorkflows: _engine.RunWorkflowAsync);
    }

    public ServiceConfig Config { get; }

    public EndpointConfig Endpoint => Config.Endpoints[0];

    /// <summary>Loads <paramref name="krakendJson"/> (its first endpoint, or a workflow in it, opts in to durability) and starts the engine.</summary>
    public static async Task<DurableHarness> StartAsync(string krakendJson)
    {
        var result = ConfigLoader.Parse(krakendJson);
        result.Errors.Should().BeEmpty("the test configuration must be valid");
        var harness = new DurableHarness(result.Config!);
        await harness._engine.StartAsync();
        return harness;
    }

    /// <summary>The endpoint's answer in memory.</summary>
    public ValueTask<ProxyResponse> InMemoryAsync(ProxyRequest request) => _proxies.CreateEndpoint(Endpoint)(request, default);

    /// <summary>The endpoint's answer in memory as the gateway builds it: a durable workflow it opens runs as a flow.</summary>
    public ValueTask<ProxyResponse> GatewayAsync(ProxyRequest request) => _gatewayProxies.CreateEndpoint(Endpoint)(request, default);

    /// <summary>The endpoint's answer as a durable flow with <paramref name="instanceId"/>, and the flow's final state.</summary>
    public async Task<FlowState> DurableAsync(ProxyRequest request, string instanceId = "flow-1")
    {
        (await _engine.StartFlowAsync(Endpoint.JsonPath, MergeFailurePolicy.Partial, request, instanceId)).IsNew.Should().BeTrue();
        var state = await _engine.WaitAsync(instanceId, TimeSpan.FromSeconds(20), default);
        state.Should().NotBeNull();
        state!.IsFinished.Should().BeTrue($"the flow should end, its record: {state.Record}");
        return state;
    }

    public DurableEngine Engine => _engine;

    /// <summary>A response as a client would get it: the JSON encoder's bytes, the completeness and the error text.</summary>
    public static string Rendered(ProxyResponse response)
    {
        using var buffer = new PooledBufferWriter();
        EncoderRegistry.Default.Get(EncodingNames.Json).Write(response.Data, "", buffer);
        return $"{System.Text.Encoding.UTF8.GetString(buffer.WrittenMemory.Span)} complete={response.IsComplete} error={response.Error?.Message}";
    }

    public ValueTask DisposeAsync() => _engine.DisposeAsync();
}
