using System.Net.Security;
using Switchyard.Core.Configuration;
using static Switchyard.Core.Tests.Configuration.ConfigFixtures;

namespace Switchyard.Core.Tests.Configuration.Parsing;

/// <summary>The root <c>tls</c> object: every field, KrakenD's defaults, and every error with its path.</summary>
public sealed class ServerTlsParserTests
{
    private const string Keys = """ "keys": [{"public_key": "cert.pem", "private_key": "key.pem"}] """;

    private static string Tls(string keys) => $$$"""{"version": 3, "tls": {{{{keys}}}}}""";

    private static TlsKeyPairFiles Pair(string certificate, string key, string path, string certificateKey = "public_key") => new()
    {
        CertificateFile = certificate,
        KeyFile = key,
        CertificateJsonPath = $"{path}.{certificateKey}",
        KeyJsonPath = $"{path}.private_key",
    };

    [Fact]
    public void Every_field_is_read()
    {
        var tls = LoadValid(Tls("""
            "keys": [{"public_key": "a.pem", "private_key": "a-key.pem"}, {"public_key": "b.pem", "private_key": "b-key.pem"}],
            "min_version": "TLS12", "max_version": "TLS13", "cipher_suites": [49199, 52393],
            "enable_mtls": true, "ca_certs": ["ca.pem", "ca2.pem"], "disable_system_ca_pool": true,
            "prefer_server_cipher_suites": true, "disabled": false
            """)).Tls;

        tls.Should().BeEquivalentTo(new ServerTlsOptions
        {
            Keys = [Pair("a.pem", "a-key.pem", "tls.keys[0]"), Pair("b.pem", "b-key.pem", "tls.keys[1]")],
            MinVersion = TlsVersion.Tls12,
            MaxVersion = TlsVersion.Tls13,
            CipherSuites = [TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256],
            EnableMtls = true,
            CaCerts = ["ca.pem", "ca2.pem"],
            DisableSystemCaPool = true,
        });
    }

    [Fact]
    public void Left_out_fields_take_krakends_defaults()
    {
        var tls = LoadValid(Tls(Keys)).Tls!;

        tls.IsActive.Should().BeTrue();
        tls.MinVersion.Should().Be(TlsVersion.Tls13);
        tls.MaxVersion.Should().Be(TlsVersion.Tls13);
        tls.CipherSuites.Should().Equal(TlsDefaults.CipherSuites);
        tls.CipherSuites.Select(suite => (int)suite).Should().Equal(49199, 49195, 49200, 49196, 52392, 52393);
        tls.EnableMtls.Should().BeFalse();
        tls.CaCerts.Should().BeEmpty();
        tls.DisableSystemCaPool.Should().BeFalse();
    }

    [Theory]
    [InlineData("""{"version": 3}""")]
    [InlineData("""{"version": 3, "tls": null}""")]
    public void Without_tls_the_gateway_serves_plain_http(string json)
    {
        LoadValid(json).Tls.Should().BeNull();
    }

    [Fact]
    public void Disabled_tls_needs_no_keys()
    {
        LoadValid(Tls("\"disabled\": true")).Tls!.IsActive.Should().BeFalse();
    }

    [Fact]
    public void The_older_single_pair_is_appended_to_keys()
    {
        LoadValid(Tls(Keys + """, "public_key": "old.pem", "private_key": "old-key.pem" """)).Tls!.Keys.Should().BeEquivalentTo(
            [Pair("cert.pem", "key.pem", "tls.keys[0]"), Pair("old.pem", "old-key.pem", "tls")],
            options => options.WithStrictOrdering());
    }

    [Theory]
    [InlineData("SSL3.0", TlsVersion.Ssl30)]
    [InlineData("TLS10", TlsVersion.Tls10)]
    [InlineData("TLS11", TlsVersion.Tls11)]
    [InlineData("TLS12", TlsVersion.Tls12)]
    [InlineData("TLS13", TlsVersion.Tls13)]
    public void Versions_are_read_by_krakends_names(string name, TlsVersion version)
    {
        LoadValid(Tls($"{Keys}, \"min_version\": \"{name}\"")).Tls!.MinVersion.Should().Be(version);
    }

    [Fact]
    public void An_empty_cipher_suite_list_means_the_defaults_as_in_go()
    {
        LoadValid(Tls($"{Keys}, \"cipher_suites\": []")).Tls!.CipherSuites.Should().Equal(TlsDefaults.CipherSuites);
    }

    [Theory]
    [InlineData("\"min_version\": \"TLS1.2\"", "tls.min_version: expected one of SSL3.0, TLS10, TLS11, TLS12, TLS13, got \"TLS1.2\"")]
    [InlineData("\"max_version\": \"tls13\"", "tls.max_version: expected one of SSL3.0, TLS10, TLS11, TLS12, TLS13, got \"tls13\"")]
    [InlineData("\"min_version\": 12", "tls.min_version: expected a string, got number 12")]
    [InlineData("\"cipher_suites\": 49199", "tls.cipher_suites: expected an array of cipher suite numbers, got number 49199")]
    [InlineData("\"cipher_suites\": [49199, 12345]", "tls.cipher_suites[1]: expected the IANA number of a cipher suite Go's TLS offers (such as 49199), got number 12345")]
    [InlineData("\"cipher_suites\": [70000]", "tls.cipher_suites[0]: expected the IANA number of a cipher suite Go's TLS offers (such as 49199), got number 70000")]
    [InlineData("\"cipher_suites\": [\"49199\"]", "tls.cipher_suites[0]: expected the IANA number of a cipher suite Go's TLS offers (such as 49199), got string \"49199\"")]
    [InlineData("\"enable_mtls\": \"yes\"", "tls.enable_mtls: expected a boolean, got string \"yes\"")]
    [InlineData("\"ca_certs\": \"ca.pem\"", "tls.ca_certs: expected an array of strings, got string \"ca.pem\"")]
    [InlineData(
        "\"curve_preferences\": [23, 24]",
        "tls.curve_preferences: 'curve_preferences' (key-exchange curves) is not served by Switchyard: refused, because .NET's TLS offers no "
            + "way to restrict the curves of a connection, so the curves it leaves out would still be negotiated")]
    [InlineData("\"client_auth\": true", "tls.client_auth: unknown key 'client_auth': refused, because it may configure a protection Switchyard does not enforce")]
    public void A_wrong_field_is_an_error_at_its_path(string field, string error)
    {
        LoadErrors(Tls($"{Keys}, {field}")).Should().Equal(error);
    }

    [Theory]
    [InlineData("\"keys\": {}", "tls.keys: expected an array of {\"public_key\": ..., \"private_key\": ...} objects, got object")]
    [InlineData("\"keys\": [5]", "tls.keys[0]: expected an object, got number 5")]
    [InlineData(
        "\"keys\": [{\"public_key\": \"c.pem\", \"private_key\": \"k.pem\", \"password\": \"x\"}]",
        "tls.keys[0].password: unknown key 'password': refused, because it may configure a protection Switchyard does not enforce")]
    [InlineData(
        "\"keys\": [{\"public_key\": \"c.pem\"}]",
        "tls.keys[0].private_key: private_key not defined: give the path of the PEM file of its private key")]
    [InlineData(
        "\"keys\": [{\"private_key\": \"k.pem\"}]",
        "tls.keys[0].public_key: public_key not defined: give the path of the PEM file of the certificate")]
    [InlineData("\"private_key\": \"k.pem\"", "tls.public_key: public_key not defined: give the path of the PEM file of the certificate")]
    [InlineData(
        "\"disabled\": false",
        "tls: public key not defined: give \"keys\": [{\"public_key\": \"cert.pem\", \"private_key\": \"key.pem\"}], or \"disabled\": true for plain HTTP")]
    public void A_missing_or_wrong_key_pair_is_an_error_at_its_path(string keys, string error)
    {
        LoadErrors(Tls(keys)).Should().Equal(error);
    }

    [Fact]
    public void Tls_that_is_not_an_object_is_an_error()
    {
        LoadErrors("""{"version": 3, "tls": ["cert.pem"]}""").Should().Equal("tls: expected an object, got array");
    }

    [Theory]
    [InlineData("\"min_version\": \"TLS13\", \"max_version\": \"TLS12\"", "tls.min_version: TLS13 is newer than max_version TLS12: no connection could be made")]
    [InlineData(
        "\"min_version\": \"SSL3.0\", \"max_version\": \"SSL3.0\"",
        "tls.max_version: SSL3.0 is spoken by no TLS stack Switchyard runs on (nor by Go's since 1.14): no connection could be made")]
    public void A_version_range_without_any_protocol_is_an_error(string versions, string error)
    {
        LoadErrors(Tls($"{Keys}, {versions}")).Should().Equal(error);
    }

    [Fact]
    public void A_wrong_version_name_is_reported_once_not_again_as_an_empty_range()
    {
        LoadErrors(Tls($"{Keys}, \"min_version\": \"TLS14\", \"max_version\": \"TLS12\"")).Should().ContainSingle();
    }

    [Theory]
    [InlineData("TLS10")]
    [InlineData("TLS11")]
    public void A_range_below_tls12_is_warned_about_because_openssl_3_refuses_it(string version)
    {
        LoadWarnings(Tls($"{Keys}, \"min_version\": \"{version}\", \"max_version\": \"TLS12\"")).Should().Equal(
            $"tls.min_version: {version}: OpenSSL 3 (.NET's TLS on Linux) refuses TLS 1.0 and 1.1 at its default security level, so TLS12 may be the oldest version that works");
    }
}
