using Switchyard.Core.Security.Cors;

namespace Switchyard.Core.Configuration.Validation;

/// <summary>
/// <c>security/cors</c> with <c>allow_credentials</c> lists its origins. KrakenD accepts every origin with credentials
/// and answers <c>Access-Control-Allow-Origin: *</c>, which browsers refuse with credentials; a gateway that echoed any
/// origin instead would let every site read answers made with the user's cookies. Either way the file is wrong.
/// </summary>
internal sealed class CorsCredentialsValidator : IConfigValidator
{
    public void Validate(ServiceConfig config, ConfigProblems problems)
    {
        if (config.Cors is { AllowCredentials: true } cors && new CorsOrigins(cors.AllowOrigins).AllowsAll)
        {
            problems.Error(
                NamespacePaths.Cors + ".allow_credentials",
                "credentials need the allowed origins listed: with every origin allowed, browsers refuse the answer "
                + "('*' cannot carry credentials), and allowing any origin would let every site act with the user's "
                + "cookies; list the origins in allow_origins (such as \"https://app.example.com\" or \"https://*.example.com\")");
        }
    }
}
