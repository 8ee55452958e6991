namespace Switchyard.Core.Agents.Memory;

/// <summary>
/// An AMQP topic binding key: words separated by <c>.</c>, where <c>*</c> matches exactly one word and <c>#</c> zero or
/// more words. Words may be empty (<c>a..b</c> has three words), and the empty key has no words at all, as in RabbitMQ:
/// <c>#</c> matches it, <c>*</c> does not.
/// </summary>
public sealed class TopicPattern
{
    private const string OneWord = "*";
    private const string AnyWords = "#";

    private readonly string[] _words;

    private TopicPattern(string text)
    {
        Text = text;
        _words = Words(text);
    }

    /// <summary>The binding key as written.</summary>
    public string Text { get; }

    /// <summary>Compiles a binding key.</summary>
    public static TopicPattern Parse(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        return new TopicPattern(pattern);
    }

    /// <summary>True when a message published with <paramref name="routingKey"/> goes through this binding.</summary>
    public bool Matches(string routingKey)
    {
        ArgumentNullException.ThrowIfNull(routingKey);
        var key = Words(routingKey);

        // matches[j] answers "do the pattern words from i on match the key words from j on?", computed for i from the
        // last pattern word back to the first; linear in pattern × key, however many # the pattern holds.
        var n = key.Length;
        Span<bool> next = n < 128 ? stackalloc bool[n + 1] : new bool[n + 1];
        Span<bool> current = n < 128 ? stackalloc bool[n + 1] : new bool[n + 1];
        next[n] = true;
        for (var i = _words.Length - 1; i >= 0; i--)
        {
            var word = _words[i];
            for (var j = n; j >= 0; j--)
            {
                current[j] = word switch
                {
                    AnyWords => next[j] || (j < n && current[j + 1]),
                    OneWord => j < n && next[j + 1],
                    _ => j < n && next[j + 1] && string.Equals(word, key[j], StringComparison.Ordinal),
                };
            }

            var swap = next;
            next = current;
            current = swap;
        }

        return next[0];
    }

    public override string ToString() => Text;

    private static string[] Words(string text) => text.Length == 0 ? [] : text.Split('.');
}
