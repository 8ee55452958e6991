using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Switchyard.Core.Security.Jwt;

namespace Switchyard.Core.Configuration.Validation;

/// <summary>
/// The local files of <c>auth/validator</c> and <c>auth/signer</c> are read when the configuration loads, as KrakenD
/// exits on them at start: a <c>jwk_local_path</c> must hold a JWK set with a usable key (for a signer, its
/// <c>kid</c>), and a <c>jwk_local_ca</c> at least one PEM certificate. Relative paths are relative to the working
/// directory.
/// </summary>
internal sealed class JwkFilesValidator : IConfigValidator
{
    public void Validate(ServiceConfig config, ConfigProblems problems)
    {
        foreach (var endpoint in config.Endpoints)
        {
            if (endpoint.JwtValidator is { } validator)
            {
                Check(validator.Keys, signingKeyId: null, problems);
            }

            if (endpoint.JwtSigner is { } signer)
            {
                Check(signer.Keys, signer.KeyId, problems);
            }
        }
    }

    private static void Check(JwkSourceOptions keys, string? signingKeyId, ConfigProblems problems)
    {
        if (keys.LocalPath is { } path)
        {
            CheckKeySet(path, JsonPaths.Property(keys.JsonPath, "jwk_local_path"), signingKeyId, problems);
        }

        if (keys.LocalCa is { } ca)
        {
            CheckAuthority(ca, JsonPaths.Property(keys.JsonPath, "jwk_local_ca"), problems);
        }
    }

    private static void CheckKeySet(string file, string path, string? signingKeyId, ConfigProblems problems)
    {
        try
        {
            var set = JwkKeySet.Parse(File.ReadAllText(file), DateTimeOffset.UnixEpoch);
            if (signingKeyId is not null && !set.TryFind(KeyIdentifyStrategy.Kid, signingKeyId, out _))
            {
                problems.Error(path, $"'{file}' has no usable key with kid '{signingKeyId}'");
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            problems.Error(path, $"'{file}' cannot be read: {exception.Message}");
        }
        catch (JwkSetException exception)
        {
            problems.Error(path, $"'{file}': {exception.Message}");
        }
    }

    private static void CheckAuthority(string file, string path, ConfigProblems problems)
    {
        try
        {
            var certificates = new X509Certificate2Collection();
            certificates.ImportFromPemFile(file);
            if (certificates.Count == 0)
            {
                problems.Error(path, $"'{file}' holds no PEM certificate");
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or CryptographicException)
        {
            problems.Error(path, $"'{file}' cannot be read as PEM certificates: {exception.Message}");
        }
    }
}
