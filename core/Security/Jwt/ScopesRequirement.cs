using System.Text.Json.Nodes;

namespace Switchyard.Core.Security.Jwt;

/// <summary>
/// <c>scopes</c> with <c>scopes_key</c> (a dotted path, always): the claim (an array of strings, or one space-separated
/// string) must hold every required scope with <see cref="ScopesMatcher.All"/>, at least one with
/// <see cref="ScopesMatcher.Any"/>. A missing claim or an empty array is refused.
/// </summary>
internal sealed class ScopesRequirement(IReadOnlyList<string> required, string? key, ScopesMatcher matcher)
{
    public bool IsSatisfiedBy(JsonObject claims)
    {
        if (required.Count == 0 || key is null)
        {
            return true;
        }

        var found = key.Contains('.', StringComparison.Ordinal)
            ? ClaimPath.TryGetNested(claims, key, out var value)
            : ClaimPath.TryGetTopLevel(claims, key, out value);
        if (!found || ClaimWords.Of(value) is not { Count: > 0 } held || value is JsonArray { Count: 0 })
        {
            return false;
        }

        return matcher == ScopesMatcher.All ? held.IsSupersetOf(required) : held.Overlaps(required);
    }
}
