namespace Switchyard.Core.Telemetry.Metrics;

/// <summary>One message's run through an agent's pipe, as <see cref="AgentMetrics"/> measures it.</summary>
/// <param name="Started">When it entered the pipe (a <see cref="System.Diagnostics.Stopwatch"/> timestamp), or 0 when no duration is recorded.</param>
/// <param name="CountedInFlight">True when it was counted in <c>switchyard.agent.messages.in_flight</c>.</param>
internal readonly record struct AgentMessageTiming(long Started, bool CountedInFlight);
