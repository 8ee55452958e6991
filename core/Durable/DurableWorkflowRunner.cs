using Switchyard.Core.Configuration;
using Switchyard.Core.Pipeline;

namespace Switchyard.Core.Durable;

/// <summary>
/// Runs a durable workflow that an in-memory pipe opens, as a flow of its own, and answers its pipe's answer. The
/// in-memory pipe waits for it within the workflow's timeout (<paramref name="cancellationToken"/>); a flow that
/// outlasts it is a deadline error there, as in memory, and goes on to its end: it is durable.
/// </summary>
public delegate ValueTask<ProxyResponse> DurableWorkflowRunner(
    EndpointConfig workflow, MergeFailurePolicy policy, ProxyRequest request, CancellationToken cancellationToken);
