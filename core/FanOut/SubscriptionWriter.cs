using System.Buffers;
using System.Text.Json;

namespace Switchyard.Core.FanOut;

/// <summary>Writes subscriptions as the JSON array <see cref="SubscriptionParser"/> reads (every field, snake_case).</summary>
internal static class SubscriptionWriter
{
    private static readonly JsonWriterOptions Indented = new() { Indented = true };

    public static byte[] ToJson(IReadOnlyList<Subscription> subscriptions)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, Indented))
        {
            writer.WriteStartArray();
            foreach (var subscription in subscriptions)
            {
                Write(writer, subscription);
            }

            writer.WriteEndArray();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void Write(Utf8JsonWriter writer, Subscription subscription)
    {
        writer.WriteStartObject();
        writer.WriteString(SubscriptionFields.Broker, subscription.Broker);
        WriteOptional(writer, SubscriptionFields.BrokerManagementUrl, subscription.BrokerManagementUrl);
        WriteOptional(writer, SubscriptionFields.Backend, subscription.Backend);
        writer.WriteString(SubscriptionFields.Exchange, subscription.Exchange);
        writer.WriteString(SubscriptionFields.Queue, subscription.Queue);
        writer.WriteString(SubscriptionFields.RoutingKey, subscription.RoutingKey);
        writer.WriteString(SubscriptionFields.OrgName, subscription.OrgName);
        writer.WriteString(SubscriptionFields.AppName, subscription.AppName);
        writer.WriteString(SubscriptionFields.AppEnv, subscription.AppEnv);
        writer.WriteString(SubscriptionFields.AppKey, subscription.AppKey);
        writer.WriteString(SubscriptionFields.ApiUrl, subscription.ApiUrl.OriginalString);
        writer.WriteNumber(SubscriptionFields.PrefetchCount, subscription.PrefetchCount);
        writer.WriteNumber(SubscriptionFields.ConcurrencyPoolSize, subscription.ConcurrencyPoolSize);
        writer.WriteNumber(SubscriptionFields.BatchMaxSizeInMb, subscription.BatchMaxSizeInMb);
        writer.WriteNumber(SubscriptionFields.BatchMaxNumberOfMessages, subscription.BatchMaxNumberOfMessages);
        writer.WriteNumber(SubscriptionFields.BatchMaxWindowInSeconds, subscription.BatchMaxWindowInSeconds);
        if (subscription.EventTtlSeconds is { } ttl)
        {
            writer.WriteNumber(SubscriptionFields.EventTtlSeconds, ttl);
        }

        writer.WriteStartArray(SubscriptionFields.AcceptedStatuses);
        foreach (var status in subscription.AcceptedStatuses)
        {
            writer.WriteNumberValue(status);
        }

        writer.WriteEndArray();
        writer.WriteString(SubscriptionFields.Transform, subscription.Transform == EventTransform.Celery ? "celery" : "none");
        writer.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter writer, string field, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(field, value);
        }
    }
}
