using Switchyard.Core.Configuration;

namespace Switchyard.Functions.Packaging;

/// <summary>
/// TLS in a packaged function app. The platform's front end ends TLS, so <c>tls</c> does not apply (its files are not
/// shipped; its <c>min_version</c> becomes the app's <c>minTlsVersion</c>, see <see cref="BicepParameters"/>).
/// <c>client_tls</c> still applies: its files ship with the app (<see cref="PackagedFiles"/>).
/// </summary>
internal static class PackagedTls
{
    /// <summary>The line <c>package</c> prints when the configuration has an active <c>tls</c>, else null.</summary>
    public static string? Note(ServiceConfig config) => config.Tls is { IsActive: true } tls
        ? "tls does not apply in a function app: TLS ends at the platform's front end, which forwards plain HTTP to the gateway on "
          + "loopback. HTTPS is the function app's: bicep/modules/functionapp.bicep sets httpsOnly: true, and main.parameters.json "
          + $"sets minTlsVersion {BicepParameters.MinTlsVersion(tls.MinVersion)} from tls.min_version; the certificate is the "
          + "platform's (or your custom domain's) and max_version and cipher_suites are not applied. client_tls still applies to backend calls."
        : null;
}
