using Switchyard.Core.Agents;
using System.Text;
using System.Text.Json;

namespace Switchyard.Functions.Serverless;

/// <summary>
/// Reads the body the Functions host POSTs to <c>/{function}</c> for a trigger:
/// <c>{"Data": {"message": VALUE}, "Metadata": {...}}</c>. The message is the <see cref="BindingName"/> entry of
/// <c>Data</c> (or its only entry). With <c>dataType: binary</c> it is the body in base64; a trigger bound as a string
/// sends it JSON-encoded once more (<c>"\"hello\""</c>), which is unwrapped. Metadata of the three triggers are read
/// together, their keys do not clash: Service Bus (<c>MessageId</c>, <c>ContentType</c>, <c>DeliveryCount</c>,
/// <c>Subject</c>, <c>ApplicationProperties</c>/<c>UserProperties</c>), Storage queue (<c>Id</c>, <c>DequeueCount</c>),
/// RabbitMQ (<c>RoutingKey</c>, <c>Redelivered</c>, <c>BasicProperties</c> with base64 headers and
/// <c>x-ms-rabbitmq-requeuecount</c>).
/// </summary>
internal static class InvocationPayload
{
    /// <summary>The name of the trigger binding in every agent's <c>function.json</c>.</summary>
    public const string BindingName = "message";

    /// <summary>The header the RabbitMQ trigger counts its republished retries in.</summary>
    public const string RabbitMqRequeueCountHeader = "x-ms-rabbitmq-requeuecount";

    /// <summary>
    /// Reads <paramref name="payload"/> into the message an agent's runner handles, settled through
    /// <paramref name="settlement"/>; false with the reason when it is not an invocation payload.
    /// </summary>
    public static bool TryRead(ReadOnlyMemory<byte> payload, IMessageSettlement settlement, out AgentMessage message, out string problem)
    {
        message = new AgentMessage { Settlement = settlement };
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(payload);
        }
        catch (JsonException exception)
        {
            problem = "the invocation payload is not JSON: " + exception.Message;
            return false;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                problem = "the invocation payload is not a JSON object";
                return false;
            }

            if (!InvocationValue.TryGetUnwrapped(root, "Data", out var data) || data.ValueKind != JsonValueKind.Object)
            {
                problem = "the invocation payload has no Data object";
                return false;
            }

            if (!TryGetBinding(data, out var value))
            {
                problem = $"the invocation payload's Data has no '{BindingName}' entry";
                return false;
            }

            var metadata = InvocationValue.TryGetUnwrapped(root, "Metadata", out var found) && found.ValueKind == JsonValueKind.Object
                ? found
                : default;
            message = Read(value, metadata, settlement);
            problem = "";
            return true;
        }
    }

    private static bool TryGetBinding(JsonElement data, out JsonElement value)
    {
        if (InvocationValue.TryGet(data, BindingName, out value))
        {
            return value.ValueKind != JsonValueKind.Null;
        }

        // A function.json written by hand may name its binding otherwise: the trigger is then Data's only entry.
        var count = 0;
        foreach (var entry in data.EnumerateObject())
        {
            value = entry.Value;
            count++;
        }

        return count == 1 && value.ValueKind != JsonValueKind.Null;
    }

    private static AgentMessage Read(JsonElement value, JsonElement metadata, IMessageSettlement settlement)
    {
        var properties = InvocationValue.TryGetUnwrapped(metadata, "BasicProperties", out var basic) ? basic : default;
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var deliveryCount = InvocationValue.IntegerOf(metadata, "DeliveryCount") ?? InvocationValue.IntegerOf(metadata, "DequeueCount");
        if (InvocationValue.TryGetUnwrapped(metadata, "ApplicationProperties", out var application)
            || InvocationValue.TryGetUnwrapped(metadata, "UserProperties", out application))
        {
            AddHeaders(headers, application, base64: false);
        }

        if (InvocationValue.TryGetUnwrapped(properties, "Headers", out var amqpHeaders))
        {
            // AMQP string headers are byte arrays, which the host writes in base64.
            AddHeaders(headers, amqpHeaders, base64: true);
            if (InvocationValue.IntegerOf(amqpHeaders, RabbitMqRequeueCountHeader) is { } requeues)
            {
                deliveryCount ??= requeues + 1;
            }
        }

        if (deliveryCount is null && InvocationValue.BooleanOf(metadata, "Redelivered") == true)
        {
            // Redelivered by the broker (a lost connection), without a count: at least the second delivery.
            deliveryCount = 2;
        }

        return new AgentMessage
        {
            Settlement = settlement,
            Id = InvocationValue.TextOf(metadata, "MessageId") ?? InvocationValue.TextOf(metadata, "Id") ?? InvocationValue.TextOf(properties, "MessageId"),
            RoutingKey = InvocationValue.TextOf(metadata, "RoutingKey") ?? InvocationValue.TextOf(metadata, "Subject") ?? InvocationValue.TextOf(metadata, "Label") ?? "",
            ContentType = InvocationValue.TextOf(metadata, "ContentType") ?? InvocationValue.TextOf(properties, "ContentType"),
            Headers = headers,
            Body = BodyOf(value),
            DeliveryCount = (int)Math.Clamp(deliveryCount ?? 1, 1, int.MaxValue),
        };
    }

    /// <summary>
    /// A string is either base64 (<c>dataType: binary</c>) or, for a string-bound trigger, the text JSON-encoded once
    /// more: base64 never holds a quote, so a leading quote tells them apart. Anything else is the JSON it is.
    /// </summary>
    private static ReadOnlyMemory<byte> BodyOf(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            return Encoding.UTF8.GetBytes(value.GetRawText());
        }

        var text = value.GetString()!;
        if (text.StartsWith('"'))
        {
            var unwrapped = InvocationValue.Unwrap(value);
            return Encoding.UTF8.GetBytes(unwrapped.ValueKind == JsonValueKind.String ? unwrapped.GetString()! : text);
        }

        var bytes = new byte[((text.Length + 3) / 4) * 3];
        return Convert.TryFromBase64String(text, bytes, out var written) ? bytes.AsMemory(0, written) : Encoding.UTF8.GetBytes(text);
    }

    private static void AddHeaders(Dictionary<string, string> headers, JsonElement values, bool base64)
    {
        if (values.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        // Values inside an object are serialised once, as they are: nothing to unwrap.
        foreach (var header in values.EnumerateObject())
        {
            var value = header.Value;
            if (value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            headers[header.Name] = base64 && value.ValueKind == JsonValueKind.String
                ? InvocationValue.FromBase64Text(value.GetString()!)
                : InvocationValue.Text(value);
        }
    }
}
