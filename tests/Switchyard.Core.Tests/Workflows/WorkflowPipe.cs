using Switchyard.Core.Configuration;
using Switchyard.Core.Encoding;
using Switchyard.Core.Pipeline;

namespace Switchyard.Core.Tests.Workflows;

/// <summary>The first endpoint of a configuration compiled by the real factory, calling real loopback backends.</summary>
internal static class WorkflowPipe
{
    private static readonly HttpMessageInvoker Client = BackendHttpClient.Create();

    public static Proxy Compile(string krakendJson)
    {
        var result = ConfigLoader.Parse(krakendJson);
        result.Errors.Should().BeEmpty("the test configuration must be valid");
        return new ProxyFactory(Client, DecoderRegistry.Default).CreateEndpoint(result.Config!.Endpoints[0]);
    }

    public static ProxyRequest Request(params (string Key, string Value)[] parameters) => new()
    {
        Method = "GET",
        Params = parameters.ToDictionary(p => p.Key, p => p.Value),
        Headers = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase) { ["User-Agent"] = ["tests/1.0"] },
    };
}
