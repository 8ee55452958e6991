using System.Text.Json.Nodes;

namespace Switchyard.Core.Security.Jwt;

/// <summary>
/// <c>roles</c>: the claim at <c>roles_key</c> (an array of strings, or one space-separated string) must hold at least
/// one of the required roles, compared exactly; a token without it is refused. <c>roles_key_is_nested</c> reads the key
/// as a dotted path unless it starts with <c>http</c>.
/// </summary>
internal sealed class RolesRequirement(IReadOnlyList<string> required, string key, bool nested)
{
    public bool IsSatisfiedBy(JsonObject claims)
    {
        if (required.Count == 0)
        {
            return true;
        }

        return ClaimPath.TryGet(claims, key, nested, out var value) && ClaimWords.Of(value) is { } held && held.Overlaps(required);
    }
}
