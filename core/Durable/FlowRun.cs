using DurableTask.Core;
using Switchyard.Core.Configuration;
using Switchyard.Core.Pipeline;
using Switchyard.Core.Pipeline.Formatting;
using Switchyard.Core.Policies;
using Switchyard.Core.Workflows;

namespace Switchyard.Core.Durable;

/// <summary>
/// One run of a durable pipe inside its orchestration: the plan <see cref="ProxyFactory"/> builds for an in-memory pipe,
/// in the same order and with the same pieces (merge, sequential references, flatmap, static data, policies, the
/// body's JSON schema, a workflow's finish), where each backend call is an activity, a sequential chain awaits its
/// steps in order, a parallel fan-out waits for all, a nested workflow is a sub-orchestration, and
/// <c>concurrent_calls</c> is a race of activities whose first complete answer continues the flow. Everything here is
/// deterministic, as the engine replays it: time comes from the orchestration, and nothing waits on anything but the
/// engine's tasks and timers.
/// </summary>
/// <remarks>
/// What differs from memory: a durable flow is not abandoned when its caller stops waiting (the endpoint's timeout is
/// how long the caller waits, and each backend call's limit), a step can be retried with durable waits, and when the
/// flow fails the compensations of the steps it completed run in the reverse order of their completion (the saga).
/// </remarks>
internal sealed class FlowRun(OrchestrationContext context, TimeProvider clock)
{
    private readonly List<(string Step, BackendConfig Compensation, ProxyRequest Request, DurableRetryOptions? Retry)> _done = [];

    /// <summary>The flow's record of itself (its custom status).</summary>
    public FlowStatus Status { get; } = new();

    private string InstanceId => context.OrchestrationInstance.InstanceId;

    /// <summary>Runs <paramref name="pipe"/>; when the flow fails, the completed steps are compensated.</summary>
    public async Task<ProxyResponse> RunAsync(EndpointConfig pipe, MergeFailurePolicy policy, ProxyRequest request)
    {
        var response = await PipeAsync(pipe, policy, request).ConfigureAwait(true);
        if (response.Error is null)
        {
            Status.Outcome = "completed";
            return response;
        }

        Status.Outcome = "failed";
        await CompensateAsync().ConfigureAwait(true);
        return response;
    }

    private async Task<ProxyResponse> PipeAsync(EndpointConfig pipe, MergeFailurePolicy policy, ProxyRequest request)
    {
        var main = pipe.Backends.Where(b => !b.Proxy.Shadow).ToArray();
        var checks = PolicyChecks.Create(pipe.Policies, pipe.CelChecks, validatorChecksClaims: pipe.JwtValidator is not null);
        if (checks is not null && PolicyProxy.Denied(checks, request, clock) is { } denied)
        {
            return ProxyResponse.Failed(denied);
        }

        if (pipe.JsonSchema?.Check(request.Body) is { } rejected)
        {
            return ProxyResponse.Failed(rejected);
        }

        foreach (var (shadow, index) in pipe.Backends.Select((b, i) => (b, i)).Where(pair => pair.b.Proxy.Shadow))
        {
            // Answers nobody waits for, as in memory; the engine still records them.
            _ = CallAsync(shadow, request, $"shadow{index}");
        }

        var response = main.Length switch
        {
            1 => await StepAsync(main[0], request, "0").ConfigureAwait(true),
            _ when pipe.Proxy.Sequential => await SequentialAsync(pipe, main, policy, request).ConfigureAwait(true),
            _ => await ParallelAsync(main, policy, request).ConfigureAwait(true),
        };

        if (main.Length > 1 && pipe.Proxy.FlatmapFilter.Count > 0)
        {
            response = EndpointFlatmapProxy.Apply(FlatmapFilter.Create(pipe.Proxy.FlatmapFilter), response);
        }

        if (pipe.Proxy.Static is { } staticData)
        {
            response = StaticDataProxy.Apply(staticData, response);
        }

        return checks is null ? response : PolicyProxy.Checked(checks, request, response, clock);
    }

    private async Task<ProxyResponse> SequentialAsync(EndpointConfig pipe, BackendConfig[] steps, MergeFailurePolicy policy, ProxyRequest request)
    {
        var references = new SequentialReferences(steps.Length, ProxyFactory.SequentialReferenceNames(pipe, steps));
        var accumulator = new MergeAccumulator(steps.Length, policy);
        var stepRequest = request;
        for (var i = 0; i < steps.Length; i++)
        {
            var response = await StepAsync(steps[i], stepRequest, i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ConfigureAwait(true);
            var decision = SequentialReferences.Decide(i, response, policy);
            if (decision == SequentialDecision.Fail)
            {
                return ProxyResponse.Failed(response.Error ?? MergeAccumulator.InvalidResponse);
            }

            stepRequest = references.After(i, stepRequest, response);
            accumulator.Add(response);
            if (decision == SequentialDecision.AddAndStop)
            {
                break;
            }
        }

        return accumulator.Result();
    }

    private async Task<ProxyResponse> ParallelAsync(BackendConfig[] parts, MergeFailurePolicy policy, ProxyRequest request)
    {
        var running = parts.Select((part, i) => StepAsync(part, request, i.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        var accumulator = new MergeAccumulator(parts.Length, policy);
        var aborted = false;
        while (running.Count > 0)
        {
            // Parts merge in the order they arrive, as in memory; the history keeps that order for every replay.
            var done = await Task.WhenAny(running).ConfigureAwait(true);
            running.Remove(done);
            var part = await done.ConfigureAwait(true);
            if (aborted)
            {
                // A started call cannot be recalled: it is waited for, so a compensation knows whether it happened.
                continue;
            }

            accumulator.Add(part);
            aborted = policy == MergeFailurePolicy.Abort && accumulator.HasFailed;
        }

        return accumulator.Result();
    }

    /// <summary>One backend of the plan: a call (or a race of calls) or a nested workflow, retried as configured.</summary>
    private async Task<ProxyResponse> StepAsync(BackendConfig backend, ProxyRequest request, string step)
    {
        var retry = backend.Durable?.Retry;
        var (response, attempts) = backend.Workflow is { } workflow
            ? await RetryingAsync(retry, attempt => WorkflowAsync(backend, workflow, request, step, attempt)).ConfigureAwait(true)
            : await RetryingAsync(retry, _ => backend.ConcurrentCalls > 1 ? RaceAsync(backend, request, step) : CallAsync(backend, request, step))
                .ConfigureAwait(true);

        var succeeded = !MergeAccumulator.IsFailure(response);
        Status.Step(step, backend.JsonPath, succeeded, attempts);
        if (succeeded && backend.Durable?.Compensate is { } compensation)
        {
            _done.Add((step, compensation, request, retry));
        }

        return response;
    }

    private async Task<ProxyResponse> WorkflowAsync(BackendConfig backend, EndpointConfig workflow, ProxyRequest request, string step, int attempt)
    {
        var checks = PolicyChecks.Create(backend.Policies, backend.CelChecks);
        if (checks is not null && PolicyProxy.Denied(checks, request, clock) is { } denied)
        {
            return ProxyResponse.Failed(denied);
        }

        var policy = workflow.IgnoreErrors ? MergeFailurePolicy.Continue : MergeFailurePolicy.Abort;
        var instance = $"{InstanceId}:{step}" + (attempt > 1 ? $"#{attempt}" : "");
        var output = await context.CreateSubOrchestrationInstance<string>(
            PipeOrchestration.Name, "", instance, PipeOrchestration.Input(workflow.JsonPath, policy, request)).ConfigureAwait(true);

        Func<System.Text.Json.Nodes.JsonObject, System.Text.Json.Nodes.JsonObject>? format =
            ResponseFormatter.Create(backend) is { } formatter ? formatter.Format : null;
        var response = WorkflowProxy.Finish(WorkflowProxy.NameOf(workflow), format, DurableJson.ReadResponse(output));
        return checks is null ? response : PolicyProxy.Checked(checks, request, response, clock);
    }

    // concurrent_calls: the same call raced; the first complete answer wins, else the last one.
    private async Task<ProxyResponse> RaceAsync(BackendConfig backend, ProxyRequest request, string step)
    {
        var racing = Enumerable.Range(0, backend.ConcurrentCalls).Select(_ => CallAsync(backend, request, step)).ToList();
        ProxyResponse? last = null;
        while (racing.Count > 0)
        {
            var done = await Task.WhenAny(racing).ConfigureAwait(true);
            racing.Remove(done);
            last = await done.ConfigureAwait(true);
            if (last.IsComplete)
            {
                return last;
            }
        }

        return last ?? ProxyResponse.Failed(ProxyError.DeadlineExceeded);
    }

    private async Task<ProxyResponse> CallAsync(BackendConfig backend, ProxyRequest request, string step)
    {
        var output = await context.ScheduleTask<string>(StepActivity.Name, "", StepActivity.Input(backend.JsonPath, request, $"{InstanceId}:{step}"))
            .ConfigureAwait(true);
        return DurableJson.ReadResponse(output);
    }

    private async Task<(ProxyResponse Response, int Attempts)> RetryingAsync(DurableRetryOptions? retry, Func<int, Task<ProxyResponse>> call)
    {
        var attempt = 1;
        while (true)
        {
            var response = await call(attempt).ConfigureAwait(true);
            if (retry is null || attempt >= retry.MaxAttempts || !IsWorthRetrying(response, retry))
            {
                return (response, attempt);
            }

            // A durable timer: the wait survives a restart of every process.
            await context.CreateTimer(context.CurrentUtcDateTime + retry.DelayAfter(attempt), true).ConfigureAwait(true);
            attempt++;
        }
    }

    private static bool IsWorthRetrying(ProxyResponse response, DurableRetryOptions retry) =>
        response.Error is { } error
        && (error.NoAnswer || (error.BackendStatus is { } status && retry.Statuses.Contains(status)));

    // The saga: the completed steps that have a compensation, undone in the reverse order they completed.
    private async Task CompensateAsync()
    {
        for (var i = _done.Count - 1; i >= 0; i--)
        {
            var (step, compensation, request, retry) = _done[i];
            var compensationStep = step + ":compensate";
            var (response, _) = await RetryingAsync(retry, _ => CallAsync(compensation, request, compensationStep)).ConfigureAwait(true);
            if (MergeAccumulator.IsFailure(response))
            {
                Status.Outcome = "compensation_failed";
                Status.CompensationFailed = step;
                return;
            }

            Status.Compensated(step);
        }
    }
}
