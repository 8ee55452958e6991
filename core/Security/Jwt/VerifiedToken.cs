using System.Text.Json.Nodes;

namespace Switchyard.Core.Security.Jwt;

/// <summary>
/// A token whose signature passed, as <see cref="JwtValidator"/> remembers it: its claims (read by many requests at once,
/// so every node is built before it is shared) and the key set that checked it.
/// </summary>
internal sealed record VerifiedToken
{
    public VerifiedToken(JsonObject claims, JwkKeySet keySet)
    {
        // A parsed JsonNode builds its children on first access, which concurrent readers must not race on.
        Build(claims);
        Claims = claims;
        KeySet = keySet;
    }

    public JsonObject Claims { get; }

    public JwkKeySet KeySet { get; }

    private static void Build(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, child) in obj)
                {
                    Build(child);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    Build(child);
                }

                break;
        }
    }
}
