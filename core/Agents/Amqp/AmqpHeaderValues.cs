using System.Collections;
using System.Globalization;
using System.Text;
using RabbitMQ.Client;

namespace Switchyard.Core.Agents.Amqp;

/// <summary>
/// Reads AMQP header values as the client library hands them over: long strings arrive as UTF-8 bytes, numbers as
/// their CLR types, arrays as lists.
/// </summary>
internal static class AmqpHeaderValues
{
    /// <summary>
    /// RabbitMQ.Client 7 stamps this on every message published with confirmation tracking, to match the broker's
    /// confirm to the publish: the publishing client's bookkeeping, not data of the message.
    /// </summary>
    private const string ClientPublishSequence = "x-dotnet-pub-seq-no";

    private static readonly IReadOnlyDictionary<string, string> NoHeaders = new Dictionary<string, string>();

    /// <summary>Every header as text (see <see cref="ToText"/>), but the .NET client's publish sequence number.</summary>
    public static IReadOnlyDictionary<string, string> ToTextDictionary(IDictionary<string, object?>? headers)
    {
        if (headers is null || headers.Count == 0)
        {
            return NoHeaders;
        }

        var text = new Dictionary<string, string>(headers.Count, StringComparer.Ordinal);
        foreach (var (name, value) in headers)
        {
            if (!string.Equals(name, ClientPublishSequence, StringComparison.Ordinal))
            {
                text[name] = ToText(value);
            }
        }

        return text.Count == 0 ? NoHeaders : text;
    }

    /// <summary>A header value as text: bytes as UTF-8, numbers in invariant culture, arrays comma-separated.</summary>
    public static string ToText(object? value) => value switch
    {
        null => "",
        byte[] bytes => System.Text.Encoding.UTF8.GetString(bytes),
        string text => text,
        bool flag => flag ? "true" : "false",
        AmqpTimestamp timestamp => timestamp.UnixTime.ToString(CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        IDictionary => value.ToString() ?? "",
        IEnumerable items => JoinItems(items),
        _ => value.ToString() ?? "",
    };

    /// <summary>A header value as a non-negative integer, or 0 when it is missing or not a number.</summary>
    public static int ToCount(object? value)
    {
        long count = value switch
        {
            int number => number,
            long number => number,
            short number => number,
            byte number => number,
            sbyte number => number,
            uint number => number,
            ushort number => number,
            byte[] or string => long.TryParse(ToText(value), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : 0,
            _ => 0,
        };
        return (int)Math.Clamp(count, 0, int.MaxValue);
    }

    private static string JoinItems(IEnumerable items)
    {
        var text = new StringBuilder();
        foreach (var item in items)
        {
            if (text.Length > 0)
            {
                text.Append(',');
            }

            text.Append(ToText(item));
        }

        return text.ToString();
    }
}
