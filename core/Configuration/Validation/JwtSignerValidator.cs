namespace Switchyard.Core.Configuration.Validation;

/// <summary>
/// <c>auth/signer</c> signs members of the endpoint's JSON answer: a <c>no-op</c> endpoint streams its backend's
/// answer untouched, so it has nothing to sign and the signer is refused there.
/// </summary>
internal sealed class JwtSignerValidator : IConfigValidator
{
    public void Validate(ServiceConfig config, ConfigProblems problems)
    {
        foreach (var endpoint in config.Endpoints)
        {
            if (endpoint.JwtSigner is { } signer && endpoint.Backends.Any(backend => backend.Encoding == EncodingNames.NoOp))
            {
                problems.Error(signer.JsonPath, "a no-op endpoint passes its backend's answer through untouched: there is nothing to sign");
            }
        }
    }
}
