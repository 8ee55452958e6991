namespace Switchyard.Core.FanOut;

/// <summary>How the events API answered one batch.</summary>
/// <param name="Accepted">True when the status is one of the subscription's accepted statuses.</param>
/// <param name="Status">The HTTP status, null when no answer came (connection refused, timeout).</param>
/// <param name="Error">What went wrong, for the status page; null when accepted.</param>
internal readonly record struct ApiResult(bool Accepted, int? Status, string? Error);
