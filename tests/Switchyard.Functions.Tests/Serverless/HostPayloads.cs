using System.Text;
using System.Text.Json;

namespace Switchyard.Functions.Tests.Serverless;

/// <summary>
/// Invocation payloads shaped as the Functions host sends them (reference section 1): every top-level metadata value
/// serialised once more (strings quoted again, numbers and booleans as strings), objects as objects, byte arrays in
/// base64, the trigger value under <c>Data.message</c>.
/// </summary>
internal static class HostPayloads
{
    /// <summary>A Service Bus trigger with <c>dataType: binary</c>: the body in base64.</summary>
    public static string ServiceBus(string body, string messageId, int deliveryCount, string properties = "{}") => $$$"""
        {"Data":{"message":{{{Quote(Base64(body))}}}},
         "Metadata":{"DeliveryCount":{{{Quote(deliveryCount.ToString(System.Globalization.CultureInfo.InvariantCulture))}}},
           "MessageId":{{{Quote(Quote(messageId))}}},"ContentType":{{{Quote(Quote("application/json"))}}},
           "Subject":{{{Quote(Quote("orders.created"))}}},"SequenceNumber":"17","LockToken":{{{Quote(Quote("0f6c"))}}},
           "EnqueuedTimeUtc":"2026-11-22T09:00:00","ApplicationProperties":{{{properties}}},"UserProperties":{{{properties}}},
           "sys":{"MethodName":"agent_orders","UtcNow":"2026-11-22T09:00:01Z","RandGuid":"1d3c"} } }
        """;

    /// <summary>A Storage queue trigger bound as a string (no <c>dataType</c>): the body JSON-encoded twice.</summary>
    public static string StorageQueue(string body, string id, int dequeueCount) => $$$"""
        {"Data":{"message":{{{Quote(Quote(body))}}}},
         "Metadata":{"DequeueCount":{{{Quote(dequeueCount.ToString(System.Globalization.CultureInfo.InvariantCulture))}}},
           "Id":{{{Quote(Quote(id))}}},"PopReceipt":{{{Quote(Quote("AgAAAA"))}}},"InsertionTime":"2026-11-22T09:00:00+00:00",
           "sys":{"MethodName":"agent_jobs","UtcNow":"2026-11-22T09:00:01Z","RandGuid":"2e4d"} } }
        """;

    /// <summary>A RabbitMQ trigger with <c>dataType: binary</c>: AMQP string headers as base64 byte arrays.</summary>
    public static string RabbitMq(string body, string routingKey, IReadOnlyDictionary<string, string> headers, int? requeueCount = null)
    {
        var amqpHeaders = new StringBuilder("{");
        foreach (var (name, value) in headers)
        {
            amqpHeaders.Append(Quote(name)).Append(':').Append(Quote(Base64(value))).Append(',');
        }

        if (requeueCount is { } count)
        {
            amqpHeaders.Append("\"x-ms-rabbitmq-requeuecount\":").Append(count).Append(',');
        }

        var headersJson = amqpHeaders.ToString().TrimEnd(',') + "}";
        return $$$"""
            {"Data":{"message":{{{Quote(Base64(body))}}}},
             "Metadata":{"ConsumerTag":{{{Quote(Quote("amq.ctag-1"))}}},"DeliveryTag":"1","Redelivered":"false",
               "Exchange":{{{Quote(Quote(""))}}},"RoutingKey":{{{Quote(Quote(routingKey))}}},
               "BasicProperties":{"ContentType":"text/plain","MessageId":"r-1","DeliveryMode":2,"Headers":{{{headersJson}}}},
               "sys":{"MethodName":"agent_events","UtcNow":"2026-11-22T09:00:01Z","RandGuid":"3f5e"} } }
            """;
    }

    /// <summary>What Newtonsoft's <c>SerializeObject(string)</c> gives: the text as a JSON string.</summary>
    public static string Quote(string text) => JsonSerializer.Serialize(text);

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
}
