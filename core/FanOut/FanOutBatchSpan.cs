using System.Diagnostics;
using System.Globalization;
using Switchyard.Core.Telemetry;
using Switchyard.Core.Telemetry.Tracing;

namespace Switchyard.Core.FanOut;

/// <summary>
/// The span of one batch a fan-out subscription delivers (<c>process &lt;queue&gt;</c>, kind Consumer): from its first
/// post to the one the events API accepts, each refused post an event on it, the posts' HTTP spans its children. One span
/// per batch rather than per broker message: a subscription batches thousands of events a second, and the batch is what
/// is posted, retried and acknowledged as one.
/// </summary>
internal static class FanOutBatchSpan
{
    /// <summary>The subscription a batch span belongs to.</summary>
    public const string SubscriptionAttribute = "switchyard.fanout.subscription";

    /// <summary>The number of events in the batch.</summary>
    public const string CountAttribute = "messaging.batch.message_count";

    /// <summary>Why the batch was sent (<c>count</c>, <c>size</c>, <c>window</c>, ...).</summary>
    public const string FlushAttribute = "switchyard.fanout.flush";

    /// <summary>The event added to the span for each post the API did not accept.</summary>
    public const string RetryEvent = "switchyard.fanout.retry";

    public static Activity? Start(Subscription subscription, EventBatch batch)
    {
        if (!GatewayTracing.Source.HasListeners())
        {
            return null;
        }

        var span = GatewayTracing.Source.StartActivity("process " + subscription.Queue, ActivityKind.Consumer);
        if (span is { IsAllDataRequested: true })
        {
            span.SetTag(SpanAttributes.MessagingSystem, "rabbitmq");
            span.SetTag(SpanAttributes.MessagingDestination, subscription.Queue);
            span.SetTag(SpanAttributes.MessagingOperationType, "process");
            span.SetTag(CountAttribute, batch.EventCount);
            span.SetTag(FlushAttribute, batch.Reason.ToString().ToLowerInvariant());
            span.SetTag(SubscriptionAttribute, subscription.Name);
        }

        return span;
    }

    /// <summary>A post the API did not accept: the batch is sent again after a backoff.</summary>
    public static void Refused(Activity? span, ApiResult result, int attempt) => span?.AddEvent(new ActivityEvent(RetryEvent, tags: new ActivityTagsCollection
    {
        ["attempt"] = attempt.ToString(CultureInfo.InvariantCulture),
        ["error"] = result.Error,
    }));
}
