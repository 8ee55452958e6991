namespace Switchyard.Core.Health;

/// <summary>The durable flows a durable agent started in this process, by what became of them.</summary>
/// <param name="Started">Flows its messages started (a redelivered message starts none).</param>
/// <param name="Running">Started and not ended yet.</param>
/// <param name="Completed">Ended with the pipe's success.</param>
/// <param name="Failed">Ended failed (a failing step, compensations run), or ended otherwise (terminated).</param>
public sealed record FlowCounts(long Started, long Running, long Completed, long Failed);
