using System.Text.Json;

namespace Switchyard.Core.FanOut;

/// <summary>One broker message's part of a batch: acked once the batch it is in has been accepted.</summary>
/// <param name="DeliveryTag">The broker's delivery tag, on the channel that delivered it.</param>
/// <param name="Bytes">The message body's size, what the size limit counts.</param>
/// <param name="Events">Its events (one for an object body, several for an array).</param>
internal sealed record BatchEntry(ulong DeliveryTag, int Bytes, IReadOnlyList<JsonElement> Events);
