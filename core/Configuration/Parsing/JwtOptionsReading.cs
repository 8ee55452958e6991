using Switchyard.Core.Security.Jwt;

namespace Switchyard.Core.Configuration.Parsing;

/// <summary>What the <c>auth/validator</c> and <c>auth/signer</c> parsers read alike.</summary>
internal static class JwtOptionsReading
{
    private const string AlgorithmKey = "alg";

    /// <summary>The required <c>alg</c>: one of <see cref="JwtAlgorithms.All"/>, else an error (KrakenD exits on it).</summary>
    public static string Algorithm(JsonObjectReader reader)
    {
        var algorithm = reader.String(AlgorithmKey);
        if (algorithm is null)
        {
            if (!reader.Problems.HasErrorAt(reader.PathOf(AlgorithmKey)))
            {
                reader.Problems.Error(reader.PathOf(AlgorithmKey), "required: the signing algorithm, one of " + string.Join(", ", JwtAlgorithms.All));
            }

            return "";
        }

        if (!JwtAlgorithms.IsSupported(algorithm))
        {
            reader.Problems.Error(reader.PathOf(AlgorithmKey), $"unknown algorithm '{algorithm}': expected one of {string.Join(", ", JwtAlgorithms.All)}");
            return "";
        }

        return algorithm;
    }
}
