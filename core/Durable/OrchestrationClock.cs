using DurableTask.Core;

namespace Switchyard.Core.Durable;

/// <summary>
/// The clock a flow's policies read <c>now</c> from: the orchestration's own time, the same on every replay of its
/// history, so a decision taken once is taken again.
/// </summary>
internal sealed class OrchestrationClock(OrchestrationContext context) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => new(DateTime.SpecifyKind(context.CurrentUtcDateTime, DateTimeKind.Utc));
}
