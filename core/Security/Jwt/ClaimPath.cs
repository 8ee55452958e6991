using System.Text.Json.Nodes;

namespace Switchyard.Core.Security.Jwt;

/// <summary>Finds a claim by name or by a dotted path through nested objects (<c>tenant.id</c>).</summary>
public static class ClaimPath
{
    /// <summary>The claim named exactly <paramref name="name"/>.</summary>
    public static bool TryGetTopLevel(JsonObject claims, string name, out JsonNode? value)
    {
        ArgumentNullException.ThrowIfNull(claims);
        return claims.TryGetPropertyValue(name, out value);
    }

    /// <summary>
    /// The claim at the dotted <paramref name="path"/>: every segment but the last must name an object. False when a
    /// segment is missing or not an object.
    /// </summary>
    public static bool TryGetNested(JsonObject claims, string path, out JsonNode? value)
    {
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentNullException.ThrowIfNull(path);
        var current = claims;
        var segments = path.Split('.');
        for (var i = 0; i < segments.Length - 1; i++)
        {
            if (!current.TryGetPropertyValue(segments[i], out var next) || next is not JsonObject nested)
            {
                value = null;
                return false;
            }

            current = nested;
        }

        return current.TryGetPropertyValue(segments[^1], out value);
    }

    /// <summary>The claim named exactly <paramref name="name"/>, else the one at that dotted path: how <c>{JWT.claim}</c> reads it.</summary>
    public static bool TryGetByNameOrPath(JsonObject claims, string name, out JsonNode? value) =>
        TryGetTopLevel(claims, name, out value) || TryGetNested(claims, name, out value);

    /// <summary>
    /// KrakenD's rule for <c>propagate_claims</c> and <c>roles_key_is_nested</c>: a name with a dot is a path unless it
    /// starts with <c>http</c> (a URI-named claim such as <c>http://example.com/roles</c>).
    /// </summary>
    public static bool TryGet(JsonObject claims, string name, bool nested, out JsonNode? value) =>
        nested && name.Contains('.', StringComparison.Ordinal) && !name.StartsWith("http", StringComparison.Ordinal)
            ? TryGetNested(claims, name, out value)
            : TryGetTopLevel(claims, name, out value);
}
