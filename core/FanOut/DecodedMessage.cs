using System.Text.Json;

namespace Switchyard.Core.FanOut;

/// <summary>What one broker message turned into.</summary>
/// <param name="Events">The events to post, each a JSON object.</param>
/// <param name="Rejected">The parts that are not events, to dead-letter.</param>
/// <param name="Expired">How many events were older than the TTL and dropped.</param>
internal sealed record DecodedMessage(IReadOnlyList<JsonElement> Events, IReadOnlyList<RejectedEvent> Rejected, int Expired);
