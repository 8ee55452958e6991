using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Switchyard.Core.Configuration;

namespace Switchyard.Functions.Admin;

/// <summary>
/// The shared secret that opens the admin endpoints (publishing to the embedded broker). It comes from the
/// environment variable <c>SWITCHYARD_ADMIN_SECRET</c>, else from the root <c>extra_config["switchyard/admin"].secret</c>;
/// without one the admin endpoints do not exist. It is compared in constant time and never logged.
/// </summary>
internal sealed class AdminSecret
{
    public const string EnvironmentVariable = "SWITCHYARD_ADMIN_SECRET";

    private readonly string _secret;

    // Compared as hashes so neither the secret's bytes nor its length shape the comparison time.
    private readonly byte[] _secretHash;

    private AdminSecret(string secret)
    {
        _secret = secret;
        _secretHash = SHA256.HashData(Encoding.UTF8.GetBytes(secret));
    }

    /// <summary>The configured secret, or null when the admin endpoints are off.</summary>
    public static AdminSecret? From(ServiceConfig config, Func<string, string?>? environment = null)
    {
        var fromEnvironment = (environment ?? Environment.GetEnvironmentVariable)(EnvironmentVariable);
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return new AdminSecret(fromEnvironment);
        }

        return config.ExtraConfig[NamespaceAliases.SwitchyardAdmin] is JsonObject admin && admin["secret"] is JsonValue value
            && value.TryGetValue(out string? secret) && !string.IsNullOrEmpty(secret)
            ? new AdminSecret(secret)
            : null;
    }

    /// <summary>The value a client sends: <c>Authorization: Bearer &lt;secret&gt;</c>.</summary>
    public string AuthorizationValue => "Bearer " + _secret;

    /// <summary>True when <paramref name="authorization"/> is <c>Bearer &lt;the secret&gt;</c>, compared in constant time.</summary>
    public bool Accepts(string? authorization)
    {
        const string scheme = "Bearer ";
        if (authorization is null || !authorization.StartsWith(scheme, StringComparison.Ordinal))
        {
            return false;
        }

        var offered = SHA256.HashData(Encoding.UTF8.GetBytes(authorization[scheme.Length..]));
        return CryptographicOperations.FixedTimeEquals(offered, _secretHash);
    }
}
