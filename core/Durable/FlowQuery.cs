using DurableTask.Core;

namespace Switchyard.Core.Durable;

/// <summary>Which flows <see cref="DurableAdministration.ListAsync"/> lists, newest first.</summary>
public sealed record FlowQuery
{
    /// <summary>The runtime statuses to list. <value>The default value is empty: every status.</value></summary>
    public IReadOnlyCollection<OrchestrationStatus> Statuses { get; init; } = [];

    /// <summary>Only flows created at or after this UTC time. <value>The default value is none: every flow.</value></summary>
    public DateTime? CreatedAfter { get; init; }

    /// <summary>At most this many flows, the newest. <value>The default value is 50.</value></summary>
    public int Top { get; init; } = 50;
}
