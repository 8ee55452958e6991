using Switchyard.Core.Configuration;
using Switchyard.Core.Encoding;
using Switchyard.Functions.Routing;

namespace Switchyard.Functions.Hosting;

/// <summary>The router's configuration (<c>extra_config.router</c>) turned into what the route table and its answers use.</summary>
internal static class RouterSettings
{
    /// <summary>The redirect, 405 and slash switches.</summary>
    public static RouterBehaviour BehaviourOf(RouterOptions router) => new(
        RedirectTrailingSlash: !router.DisableRedirectTrailingSlash,
        RedirectFixedPath: !router.DisableRedirectFixedPath,
        HandleMethodNotAllowed: !router.DisableHandleMethodNotAllowed,
        RemoveExtraSlash: router.RemoveExtraSlash);

    /// <summary>The <c>error_body</c> documents, written once as gin's <c>c.JSON</c> writes them (sorted keys, Go escaping).</summary>
    public static RouterErrorBodies ErrorBodiesOf(RouterOptions router) => new(Json(router.NotFoundBody), Json(router.MethodNotAllowedBody));

    private static ReadOnlyMemory<byte>? Json(System.Text.Json.Nodes.JsonNode? body)
    {
        if (body is null)
        {
            return null;
        }

        using var buffer = new PooledBufferWriter();
        SortedJsonWriter.Write(body, buffer);
        return buffer.WrittenMemory.ToArray();
    }
}
