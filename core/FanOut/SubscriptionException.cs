namespace Switchyard.Core.FanOut;

/// <summary>Subscriptions that cannot be used; every error names its field path (<c>subscriptions[1].prefetch_count: ...</c>).</summary>
public sealed class SubscriptionException : Exception
{
    public SubscriptionException()
        : this([])
    {
    }

    public SubscriptionException(string message)
        : this([message])
    {
    }

    public SubscriptionException(string message, Exception innerException)
        : base(message, innerException) => Errors = [message];

    /// <summary>An exception listing <paramref name="errors"/>, one per line of its message.</summary>
    public SubscriptionException(IReadOnlyList<string> errors)
        : base(string.Join('\n', errors)) => Errors = errors;

    /// <summary>Every problem found, each starting with its field path.</summary>
    public IReadOnlyList<string> Errors { get; }
}
