namespace Switchyard.Core.FanOut;

/// <summary>
/// The Redis publish/subscribe channels Celery's events travel on when the broker is Redis, as kombu's Redis transport
/// names them. Followed versions: kombu 5.2.4 (<c>kombu/transport/redis.py</c>) and Celery 5.2.6
/// (<c>celery/events/event.py</c>, <c>celery/events/dispatcher.py</c>), Debian 12's packages.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>On Redis, Celery turns its <c>celeryev</c> topic exchange into a fanout exchange (<c>get_exchange</c>: "quick
/// hack for Issue #436"), and kombu implements fanout exchanges with PUBLISH, not with lists: nothing is stored, a
/// message reaches only the subscribers connected at that moment.</item>
/// <item>The channel is <c>keyprefix_fanout + exchange + "/" + routing_key</c> (<c>_get_publish_topic</c>, with
/// <c>fanout_patterns</c> on, the default since kombu 4), where <c>keyprefix_fanout</c> is <c>"/{db}."</c> formatted
/// with the database number of the broker URL: Redis publish/subscribe ignores databases, so the prefix keeps the
/// apps of different databases apart. The dispatcher's routing key is the event type with <c>-</c> turned into
/// <c>.</c> (<c>task.succeeded</c>, <c>worker.heartbeat</c>, and <c>task.multi</c> for the worker's buffered task
/// events).</item>
/// <item>Subscribers PSUBSCRIBE the same name with the binding key's <c>#</c> replaced by <c>*</c>
/// (<c>_queue_bind</c>), so the event receiver's <c>#</c> becomes <c>/0.celeryev/*</c>.</item>
/// </list>
/// kombu's <c>fanout_prefix</c> / <c>fanout_patterns</c> transport options set to something else and its
/// <c>global_keyprefix</c> (which prefixes the channel too) are not followed: Celery's defaults are.
/// </remarks>
internal static class KombuRedisChannels
{
    /// <summary>The characters of a Redis glob pattern, which kombu passes through as they are.</summary>
    public static readonly char[] GlobCharacters = ['*', '?', '[', ']', '\\'];

    /// <summary>The pattern to PSUBSCRIBE for the events of <paramref name="exchange"/> matching <paramref name="routingKey"/>.</summary>
    public static string Pattern(int database, string exchange, string routingKey) =>
        Prefix(database) + exchange + "/" + routingKey.Replace('#', '*');

    /// <summary>The channel an event with <paramref name="routingKey"/> is published on.</summary>
    public static string Channel(int database, string exchange, string routingKey) =>
        Prefix(database) + exchange + "/" + routingKey;

    /// <summary>The routing key of a message received on <paramref name="channel"/> (what follows the exchange's <c>/</c>).</summary>
    public static string RoutingKey(string channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var slash = channel.IndexOf('/', 1);
        return slash < 0 ? "" : channel[(slash + 1)..];
    }

    private static string Prefix(int database) => "/" + database.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".";
}
