using Microsoft.IdentityModel.Tokens;

namespace Switchyard.Core.Security.Jwt;

/// <summary>
/// Plugs Ed25519 into IdentityModel (<see cref="CryptoProviderFactory.CustomCryptoProvider"/>): the <c>EdDSA</c>
/// algorithm with an <see cref="Ed25519SecurityKey"/>, and nothing else.
/// </summary>
internal sealed class Ed25519CryptoProvider : ICryptoProvider
{
    public static readonly Ed25519CryptoProvider Instance = new();

    public bool IsSupportedAlgorithm(string algorithm, params object[] args) =>
        algorithm == JwtAlgorithms.EdDsa && args is [Ed25519SecurityKey, ..];

    public object Create(string algorithm, params object[] args)
    {
        if (!IsSupportedAlgorithm(algorithm, args))
        {
            throw new NotSupportedException($"Ed25519 serves the {JwtAlgorithms.EdDsa} algorithm with an Ed25519 key only, not {algorithm}.");
        }

        var willCreateSignatures = args is [_, bool signs, ..] && signs;
        return new Ed25519SignatureProvider((Ed25519SecurityKey)args[0], willCreateSignatures);
    }

    public void Release(object cryptoInstance)
    {
        if (cryptoInstance is IDisposable disposable)
        {
            disposable.Dispose();
        }
    }
}
