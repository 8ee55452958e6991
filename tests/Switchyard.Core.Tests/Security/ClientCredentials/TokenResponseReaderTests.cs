using Switchyard.Core.Security.ClientCredentials;

namespace Switchyard.Core.Tests.Security.ClientCredentials;

public sealed class TokenResponseReaderTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(200, "application/json", """{"access_token":"t1","token_type":"bearer","expires_in":3600}""", "Bearer", 3600)]
    [InlineData(200, "application/json", """{"access_token":"t1","expires_in":"60"}""", "Bearer", 60)]
    [InlineData(201, null, """{"access_token":"t1","token_type":"mac"}""", "MAC", 0)]
    [InlineData(200, "application/json", """{"access_token":"t1","token_type":"DPoP","expires_in":0}""", "DPoP", 0)]
    [InlineData(200, "application/x-www-form-urlencoded", "access_token=t1&token_type=bearer&expires_in=30", "Bearer", 30)]
    [InlineData(200, "text/plain", "access_token=t1&token_type=Basic", "Basic", 0)]
    public void A_token_is_read_from_json_or_form_answers(int status, string? mediaType, string body, string scheme, int expiresIn)
    {
        var (token, failure) = TokenResponseReader.Read(status, mediaType, System.Text.Encoding.UTF8.GetBytes(body), Now);

        failure.Should().BeNull();
        token.Should().Be(new AccessToken("t1", scheme, expiresIn == 0 ? null : Now.AddSeconds(expiresIn)));
    }

    [Theory]
    [InlineData(401, """{"error":"invalid_client","error_description":"bad"}""", "status 401 (invalid_client)")]
    [InlineData(500, "oops", "status 500")]
    [InlineData(200, """{"error":"invalid_scope","access_token":"t"}""", "status 200, error invalid_scope")]
    [InlineData(200, """{"token_type":"bearer"}""", "status 200, the response has no access_token")]
    [InlineData(200, "not json", "status 200, a body that is not JSON")]
    [InlineData(200, """{"access_token":"t","expires_in":1.5}""", "status 200, expires_in is not a whole number of seconds")]
    [InlineData(200, """{"access_token":"t\r\nX-Injected: 1"}""", "status 200, the access_token or token_type is not a single printable word")]
    [InlineData(200, """{"access_token":"t","token_type":"Bearer x"}""", "status 200, the access_token or token_type is not a single printable word")]
    public void A_refusal_or_an_unusable_answer_is_a_failure_with_a_reason_that_names_no_token(int status, string body, string reason)
    {
        var (token, failure) = TokenResponseReader.Read(status, "application/json", System.Text.Encoding.UTF8.GetBytes(body), Now);

        token.Should().BeNull();
        failure.Should().Be(reason);
    }

    [Fact]
    public void A_token_is_renewed_ten_seconds_before_it_expires_and_one_without_expiry_never_is()
    {
        var token = new AccessToken("t", "Bearer", Now.AddSeconds(60));

        token.IsUsableAt(Now.AddSeconds(49.9)).Should().BeTrue();
        token.IsUsableAt(Now.AddSeconds(50)).Should().BeFalse();
        new AccessToken("t", "Bearer", null).IsUsableAt(DateTimeOffset.MaxValue).Should().BeTrue();
        new AccessToken("secret-token-value", "Bearer", null).ToString().Should().NotContain("secret-token-value");
    }

    [Fact]
    public void The_options_never_print_their_secret()
    {
        var options = new ClientCredentialsOptions { ClientId = "id", ClientSecret = "s3cr3t-value", TokenUrl = "https://auth/token" };

        options.ToString().Should().NotContain("s3cr3t-value").And.Contain("ClientSecret = ***").And.Contain("https://auth/token");
        new Core.Configuration.BackendConfig { UrlPattern = "/b", ClientCredentials = options }.ToString().Should().NotContain("s3cr3t-value");
    }
}
