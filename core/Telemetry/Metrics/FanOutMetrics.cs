using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Switchyard.Core.Telemetry.Metrics;

/// <summary>
/// An event fan-out subscription in metrics, labelled <c>switchyard.fanout.subscription</c> (its
/// <c>app_name-app_env</c>; never its broker URL, API URL or app key): <c>switchyard.fanout.events.received</c> (the
/// valid events decoded, expired ones included; an invalid one is dead-lettered at once),
/// <c>switchyard.fanout.events</c> by <c>switchyard.fanout.outcome</c> (<c>delivered</c> to the events API,
/// <c>dead_lettered</c>, <c>expired</c> past their TTL), <c>switchyard.fanout.batches.in_flight</c> and
/// <c>switchyard.fanout.batch.retries</c> (batches the API refused, posted again).
/// </summary>
internal sealed class FanOutMetrics
{
    private static readonly Counter<long> Received = GatewayMetrics.Meter.CreateCounter<long>(
        "switchyard.fanout.events.received", "{event}", "Valid events a fan-out subscription received from its broker (expired ones included).");

    private static readonly Counter<long> Events = GatewayMetrics.Meter.CreateCounter<long>(
        "switchyard.fanout.events", "{event}", "Events a fan-out subscription is done with, by outcome.");

    private static readonly UpDownCounter<long> InFlight = GatewayMetrics.Meter.CreateUpDownCounter<long>(
        "switchyard.fanout.batches.in_flight", "{batch}", "Batches cut and not yet accepted or abandoned.");

    private static readonly Counter<long> Retries = GatewayMetrics.Meter.CreateCounter<long>(
        "switchyard.fanout.batch.retries", "{batch}", "Batches the events API refused, to be posted again.");

    private readonly KeyValuePair<string, object?>[] _tags;

    /// <summary>The metrics of the subscription named <paramref name="subscription"/>.</summary>
    public FanOutMetrics(string subscription) => _tags = [new("switchyard.fanout.subscription", subscription)];

    public void EventsReceived(int events, int expired)
    {
        if (Received.Enabled)
        {
            Received.Add(events + expired, _tags.AsSpan());
        }

        if (expired > 0)
        {
            Done(expired, "expired");
        }
    }

    public void Delivered(int events) => Done(events, "delivered");

    public void DeadLettered() => Done(1, "dead_lettered");

    // Prebuilt labels: adding without a listener costs a check and no allocation.
    public void BatchCut() => InFlight.Add(1, _tags.AsSpan());

    public void BatchDone() => InFlight.Add(-1, _tags.AsSpan());

    public void Retried() => Retries.Add(1, _tags.AsSpan());

    private void Done(int events, string outcome)
    {
        if (Events.Enabled)
        {
            Events.Add(events, new TagList(_tags.AsSpan()) { { "switchyard.fanout.outcome", outcome } });
        }
    }
}
