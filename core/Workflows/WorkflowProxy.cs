using System.Text.Json.Nodes;
using Switchyard.Core.Configuration;
using Switchyard.Core.Pipeline;

namespace Switchyard.Core.Workflows;

/// <summary>
/// A backend that opens a workflow: instead of calling its <c>url_pattern</c>, it runs the nested endpoint's pipe —
/// built by the same factory code as any endpoint — with the parent's request (its parameters, including the
/// <c>RespN_*</c> of earlier sequential steps, headers, query and body), within the workflow's own timeout. The
/// nested answer is then formatted by the parent backend (<c>group</c>, <c>target</c> ...), as a backend's would be.
/// </summary>
internal static class WorkflowProxy
{
    /// <summary>How a workflow is named in errors and logs.</summary>
    public static string NameOf(EndpointConfig workflow) => "/__workflow" + workflow.Endpoint;

    public static Proxy Create(EndpointConfig workflow, Proxy pipe, Func<JsonObject, JsonObject>? format)
    {
        var name = NameOf(workflow);
        return async (request, cancellationToken) =>
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(workflow.Timeout);

            return Finish(name, format, await PartCall.Run(pipe, request, deadline.Token).ConfigureAwait(false));
        };
    }

    /// <summary>The nested pipe's answer as its parent sees it (a durable pipe finishes a sub-orchestration's answer so too).</summary>
    public static ProxyResponse Finish(string name, Func<JsonObject, JsonObject>? format, ProxyResponse response)
    {
        if (response.Error is { } error)
        {
            // The parent sees a failed backend; the message says which nested step failed.
            return response with { Error = error with { Message = $"{name}: {error.Message}" } };
        }

        return format is not null && response.Data is { } data
            ? new ProxyResponse { Data = format(data), IsComplete = response.IsComplete }
            : response;
    }
}
