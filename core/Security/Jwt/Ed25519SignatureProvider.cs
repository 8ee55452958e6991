using Microsoft.IdentityModel.Tokens;
using Org.BouncyCastle.Crypto.Signers;

namespace Switchyard.Core.Security.Jwt;

/// <summary>
/// Signs and verifies <c>EdDSA</c> (Ed25519, RFC 8032) with BouncyCastle's <see cref="Ed25519Signer"/>. IdentityModel
/// shares a provider between threads, so each operation has its own signer.
/// </summary>
internal sealed class Ed25519SignatureProvider(Ed25519SecurityKey key, bool willCreateSignatures)
    : SignatureProvider(key, JwtAlgorithms.EdDsa)
{
    private const int SignatureLength = 64;

    public override byte[] Sign(byte[] input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return Sign(input, 0, input.Length);
    }

    public override byte[] Sign(byte[] input, int offset, int count)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!willCreateSignatures || key.PrivateKey is null)
        {
            throw new InvalidOperationException("This Ed25519 key has no private part: it verifies only.");
        }

        var signer = new Ed25519Signer();
        signer.Init(forSigning: true, key.PrivateKey);
        signer.BlockUpdate(input, offset, count);
        return signer.GenerateSignature();
    }

    public override bool Sign(ReadOnlySpan<byte> data, Span<byte> destination, out int bytesWritten)
    {
        var signature = Sign(data.ToArray());
        bytesWritten = signature.Length;
        return signature.AsSpan().TryCopyTo(destination);
    }

    public override bool Verify(byte[] input, byte[] signature)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(signature);
        return Verify(input, 0, input.Length, signature, 0, signature.Length);
    }

    public override bool Verify(byte[] input, int inputOffset, int inputLength, byte[] signature, int signatureOffset, int signatureLength)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(signature);
        if (signatureLength != SignatureLength)
        {
            return false;
        }

        var verifier = new Ed25519Signer();
        verifier.Init(forSigning: false, key.PublicKey);
        verifier.BlockUpdate(input, inputOffset, inputLength);
        return verifier.VerifySignature(signature.AsSpan(signatureOffset, signatureLength).ToArray());
    }

    protected override void Dispose(bool disposing)
    {
        // Nothing to release: the signers are per operation and the key belongs to its owner.
    }
}
