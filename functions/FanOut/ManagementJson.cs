using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Switchyard.Core.FanOut;

namespace Switchyard.Functions.FanOut;

/// <summary>The management API's JSON: subscriptions with their secrets masked, and the runners' statuses.</summary>
internal static class ManagementJson
{
    private const string Masked = "**";

    public static byte[] Subscriptions(IReadOnlyList<(Subscription Subscription, bool IsStatic)> subscriptions) => Write(writer =>
    {
        writer.WriteStartArray();
        foreach (var (subscription, isStatic) in subscriptions)
        {
            WriteSubscription(writer, subscription, isStatic);
        }

        writer.WriteEndArray();
    });

    public static byte[] Subscription(Subscription subscription, bool isStatic) =>
        Write(writer => WriteSubscription(writer, subscription, isStatic));

    public static byte[] Status(bool running, IReadOnlyList<FanOutStatus> statuses) => Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteBoolean("running", running);
        writer.WriteStartArray("subscriptions");
        foreach (var status in statuses)
        {
            WriteStatus(writer, status);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    });

    /// <summary><c>{"errors": [...]}</c>: every problem of a rejected request, each with its field path.</summary>
    public static byte[] Errors(IReadOnlyList<string> errors) => Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteStartArray("errors");
        foreach (var error in errors)
        {
            writer.WriteStringValue(error);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    });

    private static void WriteSubscription(Utf8JsonWriter writer, Subscription subscription, bool isStatic)
    {
        writer.WriteStartObject();
        writer.WriteString("name", subscription.Name);
        writer.WriteBoolean("static", isStatic);
        writer.WriteString("broker", BrokerUrl.Mask(subscription.Broker));
        writer.WriteString("exchange", subscription.Exchange);
        writer.WriteString("queue", subscription.Queue);
        writer.WriteString("routing_key", subscription.RoutingKey);
        writer.WriteString("org_name", subscription.OrgName);
        writer.WriteString("app_name", subscription.AppName);
        writer.WriteString("app_env", subscription.AppEnv);
        writer.WriteString("app_key", Masked);
        writer.WriteString("api_url", subscription.ApiUrl.OriginalString);
        writer.WriteNumber("prefetch_count", subscription.PrefetchCount);
        writer.WriteNumber("concurrency_pool_size", subscription.ConcurrencyPoolSize);
        writer.WriteNumber("batch_max_size_in_mb", subscription.BatchMaxSizeInMb);
        writer.WriteNumber("batch_max_number_of_messages", subscription.BatchMaxNumberOfMessages);
        writer.WriteNumber("batch_max_window_in_seconds", subscription.BatchMaxWindowInSeconds);
        if (subscription.EventTtlSeconds is { } ttl)
        {
            writer.WriteNumber("event_ttl_seconds", ttl);
        }
        else
        {
            writer.WriteNull("event_ttl_seconds");
        }

        writer.WriteStartArray("accepted_statuses");
        foreach (var status in subscription.AcceptedStatuses)
        {
            writer.WriteNumberValue(status);
        }

        writer.WriteEndArray();
        writer.WriteString("transform", subscription.Transform == EventTransform.Celery ? "celery" : "none");
        writer.WriteEndObject();
    }

    private static void WriteStatus(Utf8JsonWriter writer, FanOutStatus status)
    {
        writer.WriteStartObject();
        writer.WriteString("name", status.Name);
        writer.WriteString("state", status.State.ToString().ToLowerInvariant());
        writer.WriteBoolean("connected", status.Connected);
        writer.WriteNumber("batch_events", status.BatchEvents);
        writer.WriteNumber("batch_bytes", status.BatchBytes);
        writer.WriteNumber("batch_fill", Math.Round(status.BatchFill, 4));
        writer.WriteNumber("batches_in_flight", status.BatchesInFlight);
        WriteTime(writer, "last_flush_at", status.LastFlushAt);
        writer.WriteString("last_flush_reason", status.LastFlushReason?.ToString().ToLowerInvariant());
        writer.WriteString("last_error", status.LastError);
        WriteTime(writer, "last_error_at", status.LastErrorAt);
        writer.WriteNumber("events_per_second", Math.Round(status.EventsPerSecond, 2));
        writer.WriteNumber("received", status.Received);
        writer.WriteNumber("delivered", status.Delivered);
        writer.WriteNumber("dead_lettered", status.DeadLettered);
        writer.WriteNumber("expired", status.Expired);
        writer.WriteNumber("retries", status.Retries);
        writer.WriteString("delivery", status.Delivery == FanOutDelivery.AtMostOnce ? "at_most_once" : "at_least_once");
        writer.WriteNumber("reconnect_gaps", status.ReconnectGaps);
        writer.WriteNumber("reconnect_gap_seconds", Math.Round(status.ReconnectGapTime.TotalSeconds, 3));
        WriteTime(writer, "disconnected_since", status.DisconnectedSince);
        writer.WriteEndObject();
    }

    private static void WriteTime(Utf8JsonWriter writer, string name, DateTimeOffset? time)
    {
        if (time is { } value)
        {
            writer.WriteString(name, value.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static byte[] Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }
}
