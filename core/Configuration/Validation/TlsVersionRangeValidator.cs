using Switchyard.Core.Configuration.Parsing;

namespace Switchyard.Core.Configuration.Validation;

/// <summary>
/// The versions of <c>tls</c> and <c>client_tls</c> leave at least one protocol: <c>min_version</c> is not newer than
/// <c>max_version</c>, and <c>max_version</c> is not SSL 3.0, which neither .NET's TLS nor Go's (since 1.14) speaks. Go
/// would accept such a range and fail every handshake; refusing it at load time says why. A range that starts below
/// TLS 1.2 is warned about: OpenSSL 3, which .NET uses on Linux, refuses TLS 1.0 and 1.1 handshakes at its default
/// security level, so those clients may be refused anyway (never let in against the configuration).
/// </summary>
internal sealed class TlsVersionRangeValidator : IConfigValidator
{
    public void Validate(ServiceConfig config, ConfigProblems problems)
    {
        if (config.Tls is { } tls)
        {
            Check(ServerTlsOptions.JsonPath, tls.MinVersion, tls.MaxVersion, problems);
        }

        if (config.ClientTls is { } client)
        {
            Check(ClientTlsOptions.JsonPath, client.MinVersion, client.MaxVersion, problems);
        }
    }

    private static void Check(string path, TlsVersion min, TlsVersion max, ConfigProblems problems)
    {
        var minPath = JsonPaths.Property(path, "min_version");
        var maxPath = JsonPaths.Property(path, "max_version");
        if (problems.HasErrorAt(minPath) || problems.HasErrorAt(maxPath))
        {
            return;
        }

        if (max == TlsVersion.Ssl30)
        {
            problems.Error(maxPath, "SSL3.0 is spoken by no TLS stack Switchyard runs on (nor by Go's since 1.14): no connection could be made");
        }
        else if (min > max)
        {
            problems.Error(
                minPath,
                $"{TlsFieldReader.NameOf(min)} is newer than max_version {TlsFieldReader.NameOf(max)}: no connection could be made");
        }
        else if (min < TlsVersion.Tls12)
        {
            problems.Warning(
                minPath,
                $"{TlsFieldReader.NameOf(min)}: OpenSSL 3 (.NET's TLS on Linux) refuses TLS 1.0 and 1.1 at its default security level, so TLS12 may be the oldest version that works");
        }
    }
}
