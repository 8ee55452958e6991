namespace Switchyard.Core.Durable;

/// <summary>The flows a <see cref="FlowQuery"/> found.</summary>
/// <param name="Flows">The newest flows that match, newest first, at most <see cref="FlowQuery.Top"/>.</param>
/// <param name="Matched">How many flows match in all.</param>
public sealed record FlowListing(IReadOnlyList<FlowOverview> Flows, int Matched);
