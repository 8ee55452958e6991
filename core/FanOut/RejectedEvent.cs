namespace Switchyard.Core.FanOut;

/// <summary>A payload that can never be delivered, moved to the dead-letter queue with <paramref name="Reason"/> instead.</summary>
/// <param name="Payload">The bytes dead-lettered: the whole message body, or one item of an array body.</param>
/// <param name="Reason">Why it was rejected.</param>
internal sealed record RejectedEvent(byte[] Payload, string Reason);
