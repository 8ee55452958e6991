using System.Text.Json.Nodes;
using Switchyard.Core.Pipeline;

namespace Switchyard.Core.Tests.Pipeline;

/// <summary>Small pipeline layers for testing decorators in isolation (the HTTP layer is tested against real servers).</summary>
internal static class Stubs
{
    public static JsonObject Json(string json) => JsonNode.Parse(json)!.AsObject();

    public static Proxy Answer(string json, TimeSpan delay = default) => async (_, ct) =>
    {
        await Task.Delay(delay, ct);
        return ProxyResponse.Complete(Json(json));
    };

    public static Proxy Fail(string message, TimeSpan delay = default) => async (_, ct) =>
    {
        await Task.Delay(delay, ct);
        return ProxyResponse.Failed(message);
    };

    public static Proxy Incomplete(string json) => (_, _) => ValueTask.FromResult(new ProxyResponse { Data = Json(json) });
}
