using System.Security.Cryptography;

namespace Switchyard.Functions.Durable;

/// <summary>
/// The ids of the flows an HTTP client starts: its <c>Idempotency-Key</c> when it sends one (the same key never starts a
/// second flow), else a new random one; and the unguessable token of each flow's status URL.
/// </summary>
internal static class FlowIds
{
    public const string Header = "Idempotency-Key";

    /// <summary>What a key may hold: the storage's row keys take no slashes, no '#' or '?', and no control characters.</summary>
    public const string KeyRule = "an Idempotency-Key must be 1 to 100 letters, digits, '-', '_', '.' or ':'";

    private const int MaxKeyLength = 100;

    /// <summary>The instance id for <paramref name="key"/>: the key itself, a new id without one, null when it is not valid.</summary>
    public static string? InstanceId(string? key)
    {
        if (string.IsNullOrEmpty(key))
        {
            return Guid.NewGuid().ToString("N");
        }

        return key.Length <= MaxKeyLength && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':') ? key : null;
    }

    /// <summary>A new token: 128 random bits, URL-safe.</summary>
    public static string NewToken() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>True when <paramref name="offered"/> is <paramref name="expected"/>, compared in constant time.</summary>
    public static bool TokenMatches(string? offered, string? expected) =>
        offered is not null && expected is not null
        && CryptographicOperations.FixedTimeEquals(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(offered)), SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(expected)));
}
