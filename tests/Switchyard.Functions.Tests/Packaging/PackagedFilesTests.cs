using Switchyard.Core.Configuration;
using Switchyard.Core.Security.Jwt;
using Switchyard.Functions.Packaging;

namespace Switchyard.Functions.Tests.Packaging;

/// <summary>The local files a function app still reads ship with it: client_tls's and the JWT key sets and CAs.</summary>
public sealed class PackagedFilesTests
{
    [Fact]
    public void The_key_sets_and_cas_of_validators_and_signers_ship_with_client_tls_files_each_once()
    {
        var errors = new List<string>();
        var config = new ServiceConfig
        {
            ClientTls = new ClientTlsOptions { CaCerts = ["certs/ca.pem"] },
            Endpoints =
            [
                Endpoint("/a", validator: new JwkSourceOptions { LocalPath = "keys/jwks.json", JsonPath = "endpoints[0].extra_config.auth/validator" }),
                Endpoint("/b", signer: new JwkSourceOptions { LocalPath = "./keys/jwks.json", LocalCa = "certs/ca.pem", JsonPath = "endpoints[1].extra_config.auth/signer" }),
                Endpoint("/c", validator: new JwkSourceOptions { Url = new Uri("https://idp.test/jwks"), LocalCa = "certs/idp-ca.pem" }),
            ],
        };

        PackagedFiles.Of(config, errors).Should().Equal("certs/ca.pem", "certs/idp-ca.pem", "keys/jwks.json");
        errors.Should().BeEmpty();
    }

    [Fact]
    public void A_key_set_outside_the_configurations_folder_cannot_be_packaged()
    {
        var errors = new List<string>();
        var config = new ServiceConfig
        {
            Endpoints = [Endpoint("/a", validator: new JwkSourceOptions { LocalPath = "/etc/jwks.json", JsonPath = "endpoints[0].extra_config.auth/validator" })],
        };

        PackagedFiles.Of(config, errors).Should().BeEmpty();
        errors.Should().ContainSingle().Which.Should().StartWith(
            "endpoints[0].extra_config.auth/validator.jwk_local_path: /etc/jwks.json cannot be packaged");
    }

    private static EndpointConfig Endpoint(string path, JwkSourceOptions? validator = null, JwkSourceOptions? signer = null) => new()
    {
        Endpoint = path,
        JwtValidator = validator is null ? null : new JwtValidatorOptions { Algorithm = "RS256", Keys = validator },
        JwtSigner = signer is null ? null : new JwtSignerOptions { Algorithm = "RS256", KeyId = "k", KeysToSign = ["token"], Keys = signer },
    };
}
