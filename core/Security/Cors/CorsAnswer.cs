namespace Switchyard.Core.Security.Cors;

/// <summary>What <see cref="CorsPolicy"/> decided for one request: the headers to add to its answer, and why.</summary>
/// <param name="Outcome">Why these headers (for the debug log).</param>
/// <param name="Headers">
/// The headers to append to the response, in order; <c>Vary</c> comes first and joins any <c>Vary</c> already there. A
/// name may repeat (a split <c>Access-Control-Request-Headers</c> is echoed line by line).
/// </param>
public sealed record CorsAnswer(CorsOutcome Outcome, IReadOnlyList<KeyValuePair<string, string>> Headers);
