using Switchyard.Core.Configuration;

namespace Switchyard.Functions.Serverless;

/// <summary>
/// What becomes of <c>tls</c> in a function app. The platform's front end ends TLS and proxies plain HTTP to the handler
/// on loopback, so the gateway's own HTTPS does not apply there: HTTPS is the function app's (<c>httpsOnly</c>, its
/// minimum TLS version, its client certificate mode). <c>client_tls</c> still applies: backends are called by the gateway.
/// </summary>
internal static class FunctionsHostTls
{
    /// <summary>The path of the switch the platform cannot honour.</summary>
    public const string MtlsPath = "tls.enable_mtls";

    /// <summary>
    /// The refusal of a configuration that requires verified client certificates: the front end can ask clients for a
    /// certificate, but passes on whatever it got without checking it against <c>ca_certs</c>, so a function app would let
    /// any certificate through. Null when nothing is refused.
    /// </summary>
    public static ConfigProblem? Refusal(ServiceConfig config) => config.Tls is { IsActive: true, EnableMtls: true }
        ? new ConfigProblem(
            MtlsPath,
            "client certificates cannot be verified in a function app: TLS ends at the platform's front end, which does not check "
            + "them against ca_certs; refused, because any client certificate would be let through")
        : null;

    /// <summary><paramref name="result"/>, refused (no configuration, one more error) when <see cref="Refusal"/> says so.</summary>
    public static ConfigLoadResult Refuse(ConfigLoadResult result) =>
        result.Config is { } config && Refusal(config) is { } refusal
            ? result with { Config = null, Errors = [.. result.Errors, refusal] }
            : result;
}
