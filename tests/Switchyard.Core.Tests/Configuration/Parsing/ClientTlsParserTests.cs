using System.Net.Security;
using Switchyard.Core.Configuration;
using static Switchyard.Core.Tests.Configuration.ConfigFixtures;

namespace Switchyard.Core.Tests.Configuration.Parsing;

/// <summary>The root <c>client_tls</c> object and the root <c>allow_insecure_connections</c>.</summary>
public sealed class ClientTlsParserTests
{
    private static string ClientTls(string keys, string rootKeys = "") =>
        $$$"""{"version": 3, {{{(rootKeys.Length > 0 ? rootKeys + "," : "")}}} "client_tls": {{{{keys}}}}}""";

    [Fact]
    public void Every_field_is_read()
    {
        var tls = LoadValid(ClientTls("""
            "allow_insecure_connections": true, "ca_certs": ["ca.pem"], "disable_system_ca_pool": true,
            "min_version": "TLS12", "max_version": "TLS13", "cipher_suites": [49195],
            "client_certs": [{"certificate": "client.pem", "private_key": "client-key.pem"}]
            """)).ClientTls;

        tls.Should().BeEquivalentTo(new ClientTlsOptions
        {
            AllowInsecureConnections = true,
            CaCerts = ["ca.pem"],
            DisableSystemCaPool = true,
            MinVersion = TlsVersion.Tls12,
            MaxVersion = TlsVersion.Tls13,
            CipherSuites = [TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256],
            ClientCerts =
            [
                new TlsKeyPairFiles
                {
                    CertificateFile = "client.pem",
                    KeyFile = "client-key.pem",
                    CertificateJsonPath = "client_tls.client_certs[0].certificate",
                    KeyJsonPath = "client_tls.client_certs[0].private_key",
                },
            ],
        });
    }

    [Fact]
    public void Without_the_block_backends_get_dotnets_defaults()
    {
        LoadValid("""{"version": 3}""").ClientTls.Should().BeNull();
    }

    [Fact]
    public void An_empty_block_offers_tls13_only_as_in_krakend()
    {
        var tls = LoadValid(ClientTls("")).ClientTls!;

        tls.MinVersion.Should().Be(TlsVersion.Tls13);
        tls.MaxVersion.Should().Be(TlsVersion.Tls13);
        tls.AllowInsecureConnections.Should().BeFalse();
        tls.CipherSuites.Should().Equal(TlsDefaults.CipherSuites);
    }

    [Fact]
    public void The_root_allow_insecure_connections_creates_the_block_as_krakend_does()
    {
        LoadValid("""{"version": 3, "allow_insecure_connections": true}""").ClientTls.Should().BeEquivalentTo(
            new ClientTlsOptions { AllowInsecureConnections = true });
    }

    [Theory]
    [InlineData("\"allow_insecure_connections\": true", "", true)]
    [InlineData("", "\"allow_insecure_connections\": true", true)]
    [InlineData("\"allow_insecure_connections\": false", "\"allow_insecure_connections\": true", true)]
    [InlineData("", "\"allow_insecure_connections\": false", false)]
    public void Either_switch_allows_insecure_connections(string inBlock, string atRoot, bool allowed)
    {
        LoadValid(ClientTls(inBlock, atRoot)).ClientTls!.AllowInsecureConnections.Should().Be(allowed);
    }

    [Theory]
    [InlineData("\"min_version\": \"TLS2\"", "client_tls.min_version: expected one of SSL3.0, TLS10, TLS11, TLS12, TLS13, got \"TLS2\"")]
    [InlineData("\"cipher_suites\": [1]", "client_tls.cipher_suites[0]: expected the IANA number of a cipher suite Go's TLS offers (such as 49199), got number 1")]
    [InlineData("\"allow_insecure_connections\": 1", "client_tls.allow_insecure_connections: expected a boolean, got number 1")]
    [InlineData(
        "\"curve_preferences\": [25]",
        "client_tls.curve_preferences: 'curve_preferences' (key-exchange curves) is not served by Switchyard: refused, because .NET's TLS "
            + "offers no way to restrict the curves of a connection, so the curves it leaves out would still be negotiated")]
    [InlineData("\"root_cas\": []", "client_tls.root_cas: unknown key 'root_cas': refused, because it may configure a protection Switchyard does not enforce")]
    [InlineData("\"client_certs\": {}", "client_tls.client_certs: expected an array of {\"certificate\": ..., \"private_key\": ...} objects, got object")]
    [InlineData(
        "\"client_certs\": [{\"certificate\": \"c.pem\"}]",
        "client_tls.client_certs[0].private_key: private_key not defined: give the path of the PEM file of its private key")]
    [InlineData(
        "\"client_certs\": [{\"private_key\": \"k.pem\"}]",
        "client_tls.client_certs[0].certificate: certificate not defined: give the path of the PEM file of the certificate")]
    [InlineData(
        "\"client_certs\": [{\"certificate\": \"c.pem\", \"private_key\": \"k.pem\", \"public_key\": \"p.pem\"}]",
        "client_tls.client_certs[0].public_key: unknown key 'public_key': refused, because it may configure a protection Switchyard does not enforce")]
    [InlineData(
        "\"min_version\": \"TLS13\", \"max_version\": \"TLS11\"",
        "client_tls.min_version: TLS13 is newer than max_version TLS11: no connection could be made")]
    public void A_wrong_field_is_an_error_at_its_path(string field, string error)
    {
        LoadErrors(ClientTls(field)).Should().Equal(error);
    }

    [Fact]
    public void A_root_allow_insecure_connections_that_is_not_a_boolean_is_an_error()
    {
        LoadErrors("""{"version": 3, "allow_insecure_connections": "yes"}""").Should().Equal(
            "allow_insecure_connections: expected a boolean, got string \"yes\"");
    }
}
