using Switchyard.Core.Configuration;
using Switchyard.Core.Encoding;
using Switchyard.Core.Pipeline;
using Switchyard.Core.Telemetry.OpenTelemetry;

namespace Switchyard.Core.Tests.Telemetry.Tracing;

/// <summary>The first endpoint of a configuration compiled by the real factory with a service's telemetry options.</summary>
internal static class TracedPipe
{
    private static readonly HttpMessageInvoker Client = BackendHttpClient.Create();

    public static EndpointConfig Endpoint(string krakendJson)
    {
        var result = ConfigLoader.Parse(krakendJson);
        result.Errors.Should().BeEmpty("the test configuration must be valid");
        return result.Config!.Endpoints[0];
    }

    public static Proxy Compile(EndpointConfig endpoint, OpenTelemetryOptions? telemetry = null) =>
        new ProxyFactory(Client, DecoderRegistry.Default, telemetry: telemetry).CreateEndpoint(endpoint);

    public static Proxy Compile(string krakendJson, OpenTelemetryOptions? telemetry = null) => Compile(Endpoint(krakendJson), telemetry);

    public static ProxyRequest Request(IReadOnlyDictionary<string, string[]>? headers = null, params (string Key, string Value)[] parameters) => new()
    {
        Method = "GET",
        Params = parameters.ToDictionary(p => p.Key, p => p.Value),
        Headers = headers ?? new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase) { ["User-Agent"] = ["tests/1.0"] },
    };
}
