using System.Text.Json.Nodes;

namespace Switchyard.Core.Security.Jwt;

/// <summary>
/// <c>propagate_claims</c>: the request headers a validated token's claims become. A name with a dot is a path through
/// nested objects unless it starts with <c>http</c>; a missing claim still sets its header, empty, as KrakenD's code
/// does. Values are <see cref="ClaimText"/>; with <c>propagate_claims_preserve_array</c> an array gives one value per
/// element.
/// </summary>
public sealed class ClaimPropagation(IReadOnlyList<ClaimToHeader> pairs, bool preserveArrays)
{
    /// <summary>True when there is nothing to propagate.</summary>
    public bool IsEmpty => pairs.Count == 0;

    /// <summary>The headers to set (each replacing the client's), in configuration order.</summary>
    public IEnumerable<KeyValuePair<string, string[]>> HeadersFor(JsonObject claims)
    {
        ArgumentNullException.ThrowIfNull(claims);
        foreach (var (claim, header) in pairs)
        {
            string[] values = !ClaimPath.TryGet(claims, claim, nested: true, out var value) ? [""]
                : preserveArrays ? ClaimText.ValuesOf(value)
                : [ClaimText.Of(value)];
            yield return new KeyValuePair<string, string[]>(header, values);
        }
    }
}
