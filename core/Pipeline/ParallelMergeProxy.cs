namespace Switchyard.Core.Pipeline;

/// <summary>
/// Calls every backend at once and merges the parts as they arrive, within 85% of the endpoint timeout; a part
/// that is late becomes a <c>context deadline exceeded</c> error and the result is partial. Under
/// <see cref="MergeFailurePolicy.Abort"/> the first failure cancels the parts still running.
/// </summary>
internal static class ParallelMergeProxy
{
    public static Proxy Create(TimeSpan endpointTimeout, Proxy[] parts, MergeFailurePolicy policy = MergeFailurePolicy.Partial)
    {
        var timeout = MergeTimeout.Of(endpointTimeout);
        return async (request, cancellationToken) =>
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(timeout);

            var calls = new Task<ProxyResponse>[parts.Length];
            for (var i = 0; i < parts.Length; i++)
            {
                calls[i] = PartCall.Run(parts[i], request, deadline.Token);
            }

            var accumulator = new MergeAccumulator(parts.Length, policy);
            var aborted = false;
            await foreach (var call in Task.WhenEach(calls).ConfigureAwait(false))
            {
                var part = await call.ConfigureAwait(false);
                if (aborted)
                {
                    // Cancelled by the abort: its own error would only repeat the first failure.
                    part.Passthrough?.Dispose();
                    continue;
                }

                accumulator.Add(part);
                if (policy == MergeFailurePolicy.Abort && accumulator.HasFailed)
                {
                    // The rest is cancelled; draining it still lets every call end before its token source goes.
                    aborted = true;
                    await deadline.CancelAsync().ConfigureAwait(false);
                }
            }

            return accumulator.Result();
        };
    }
}
