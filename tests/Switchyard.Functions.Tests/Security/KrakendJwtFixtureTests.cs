using System.Net;
using System.Text.Json.Nodes;
using Switchyard.Functions.Tests.Hosting;

namespace Switchyard.Functions.Tests.Security;

/// <summary>
/// KrakenD's JWT integration specs (krakend-ce <c>tests/fixtures/specs/</c>: <c>router_401_1</c>, <c>jwt_1</c> to
/// <c>jwt_5</c>, <c>cel-6</c>, <c>cel-7</c>), with their tokens, against the same configuration.
/// </summary>
public sealed class KrakendJwtFixtureTests(KrakendJwtFixture fixture) : IClassFixture<KrakendJwtFixture>
{
    // jwt_1: roles ["role_y"].
    private const string RoleYToken =
        "eyJhbGciOiJIUzI1NiIsImtpZCI6InNpbTIifQ.eyJhdWQiOiJodHRwOi8vYXBpLmV4YW1wbGUuY29tIiwiZXhwIjoyMDUxODgyNzU1LCJpc3MiOiJodHRwczovL2tyYWtlbmQuaW8iLCJqdGkiOiJtbmIyM3Zjc3J0NzU2eXVpb21uYnZjeDk4ZXJ0eXVpb3AiLCJyb2xlcyI6WyJyb2xlX3kiXSwic3ViIjoiMTIzNDU2Nzg5MHF3ZXJ0eXVpbyJ9.J4YMo4FzMxhVgRS5nZrTVgncqBu3pfF-CkT1J1lHPb8";

    // jwt_3, jwt_5: roles ["role_a", "role_b"].
    private const string RoleAbToken =
        "eyJhbGciOiJIUzI1NiIsImtpZCI6InNpbTIifQ.eyJhdWQiOiJodHRwOi8vYXBpLmV4YW1wbGUuY29tIiwiZXhwIjoyMDUxODgyNzU1LCJpc3MiOiJodHRwczovL2tyYWtlbmQuaW8iLCJqdGkiOiJtbmIyM3Zjc3J0NzU2eXVpb21uYnZjeDk4ZXJ0eXVpb3AiLCJyb2xlcyI6WyJyb2xlX2EiLCJyb2xlX2IiXSwic3ViIjoiMTIzNDU2Nzg5MHF3ZXJ0eXVpbyJ9.BSHRvJ9_QdIT3F2pVhIhyzFv0vQ43Ltz32ehrtLhlIw";

    // cel-7: roles ["role_a", "role_b"], "http://example.com/custom": "foobar", a scope.
    private const string CustomClaimToken =
        "eyJhbGciOiJIUzI1NiIsImtpZCI6InNpbTIifQ.eyJhdWQiOiJodHRwOi8vYXBpLmV4YW1wbGUuY29tIiwiZXhwIjoyMDUxODgyNzU1LCJodHRwOi8vZXhhbXBsZS5jb20vY3VzdG9tIjoiZm9vYmFyIiwiaXNzIjoiaHR0cHM6Ly9rcmFrZW5kLmlvIiwianRpIjoibW5iMjN2Y3NydDc1Nnl1aW9tbmJ2Y3g5OGVydHl1aW9wIiwicm9sZXMiOlsicm9sZV9hIiwicm9sZV9iIl0sInNjb3BlIjoicHJvZHVjdDpsaXN0OnJlYWQgcHJvZHVjdDppdGVtOnJlYWQiLCJzdWIiOiIxMjM0NTY3ODkwcXdlcnR5dWlvIn0.TRacL5nwlMhTCZfL32zcXtiWub8gP-3Snv1iTyCrpj4";

    // cel-6: a token whose first character was cut off.
    private const string TruncatedToken =
        "yJhbGciOiJIUzI1NiIsImtpZCI6InNpbTIifQ.eyJhdWQiOiJodHRwOi8vYXBpLmV4YW1wbGUuY29tIiwiZXhwIjoxNzM1Njg5NjAwLCJpc3MiOiJodHRwczovL2tyYWtlbmQuaW8iLCJqdGkiOiJtbmIyM3Zjc3J0NzU2eXVpb21uYnZjeDk4ZXJ0eXVpb3AiLCJyb2xlcyI6WyJyb2xlX3kiXSwic3ViIjoiMTIzNDU2Nzg5MHF3ZXJ0eXVpbyJ9.LRUfHzFra-9kmG_VTqA1FWFEbe3yZon7Y8yWN6CGPzk";

    private TestGateway Gateway => fixture.Gateway;

    [Fact]
    public async Task Router_401_1_no_token_is_401_with_status_only()
    {
        (await Gateway.GetWithTokenAsync("/private/custom", token: null)).ShouldBeStatusOnly(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Jwt_1_a_valid_token_without_the_roles_is_403_with_status_only()
    {
        (await Gateway.GetWithTokenAsync("/private/custom", RoleYToken)).ShouldBeStatusOnly(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Jwt_2_a_bad_token_is_401_with_status_only()
    {
        (await Gateway.GetWithTokenAsync("/private/custom", "a.bad.token")).ShouldBeStatusOnly(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Jwt_3_a_valid_token_with_a_role_gets_the_complete_cached_answer()
    {
        var answer = await Gateway.GetWithTokenAsync("/private/custom", RoleAbToken);

        answer.Status.Should().Be(HttpStatusCode.OK);
        answer.Body.Should().Be("""{"age":25,"firstName":"John","id_user":1,"lastName":"Smith"}""");
        answer.ContentType.Should().Be("application/json; charset=utf-8");
        answer.Response.Headers.CacheControl!.ToString().Should().Be("public, max-age=3600");
        answer.Completed.Should().Be("true");
    }

    [Fact]
    public async Task Jwt_4_the_signer_signs_the_access_token_byte_for_byte_as_krakend()
    {
        var answer = await Gateway.GetWithTokenAsync("/token", token: null);

        answer.Status.Should().Be(HttpStatusCode.OK);
        answer.Body.Should().Be(
            """{"access_token":"eyJhbGciOiJIUzI1NiIsImtpZCI6InNpbTIiLCJ0eXAiOiJKV1QifQ.eyJhdWQiOiJodHRwOi8vYXBpLmV4YW1wbGUuY29tIiwiZXhwIjoxNzM1Njg5NjAwLCJpc3MiOiJodHRwczovL2tyYWtlbmQuaW8iLCJqdGkiOiJtbmIyM3Zjc3J0NzU2eXVpb21uYnZjeDk4ZXJ0eXVpb3AiLCJyb2xlcyI6WyJyb2xlX3kiXSwic3ViIjoiMTIzNDU2Nzg5MHF3ZXJ0eXVpbyJ9.zkfOW6Fsd0DzhYTXjc_SA3oOv2mG76JZTAvRaVibPNA"}""");
        answer.ContentType.Should().Be("application/json; charset=utf-8");
        answer.Response.Headers.CacheControl.Should().BeNull();
        answer.Completed.Should().BeNull();
    }

    [Fact]
    public async Task Jwt_5_the_sub_claim_fills_the_url_pattern()
    {
        var answer = await Gateway.GetWithTokenAsync("/private/extract_jwt_claim", RoleAbToken);

        answer.Status.Should().Be(HttpStatusCode.OK);
        answer.Body.Should().Be("""{"age":25,"firstName":"John","id_user":1,"lastName":"Smith","path":"/param_forwarding/1234567890qwertyuio"}""");
        answer.Response.Headers.CacheControl!.ToString().Should().Be("public, max-age=3600");
        answer.Completed.Should().Be("true");
    }

    [Fact]
    public async Task Cel_6_a_truncated_token_is_401_and_reaches_no_backend()
    {
        var before = fixture.Backend.Received.Count(request => request.Target.StartsWith("/param_forwarding/ko", StringComparison.Ordinal));

        (await Gateway.GetWithTokenAsync("/cel/jwt/ko", TruncatedToken)).ShouldBeStatusOnly(HttpStatusCode.Unauthorized);

        fixture.Backend.Received.Count(request => request.Target.StartsWith("/param_forwarding/ko", StringComparison.Ordinal)).Should().Be(before);
    }

    [Fact]
    public async Task Cel_7_a_claim_check_passes_and_a_uri_named_claim_fills_the_url_pattern()
    {
        var answer = await Gateway.GetWithTokenAsync("/cel/jwt/ok", CustomClaimToken);

        answer.Status.Should().Be(HttpStatusCode.OK, answer.Body);
        var body = JsonNode.Parse(answer.Body)!;
        body["path"]!.GetValue<string>().Should().Be("/param_forwarding/ok/1234567890qwertyuio/foobar");
        body["foo"]!.GetValue<int>().Should().Be(42);
        answer.Response.Headers.CacheControl!.ToString().Should().Be("public, max-age=3600");
        answer.Completed.Should().Be("true");
    }

    [Fact]
    public async Task A_failing_claim_check_is_401()
    {
        // role_y alone: size(JWT.roles) > 1 is false, though role_y is an accepted role.
        (await Gateway.GetWithTokenAsync("/cel/jwt/ok", RoleYToken)).ShouldBeStatusOnly(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_custom_token_header_replaces_authorization_and_the_cookie_is_read_without_it()
    {
        (await Gateway.GetWithTokenAsync("/private/header", token: null, ("X-Custom-Auth", "BEARER " + RoleAbToken))).Status.Should().Be(HttpStatusCode.OK);
        (await Gateway.GetWithTokenAsync("/private/header", RoleAbToken)).ShouldBeStatusOnly(HttpStatusCode.Unauthorized);
        (await Gateway.GetWithTokenAsync("/private/header", token: null)).ShouldBeStatusOnly(HttpStatusCode.Unauthorized);
        (await Gateway.GetWithTokenAsync("/private/header", token: null, ("Cookie", "session=" + RoleAbToken))).Status.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_preserved_array_claim_reaches_the_backend_as_one_header_value_per_element()
    {
        (await Gateway.GetWithTokenAsync("/private/header", token: null, ("X-Custom-Auth", RoleAbToken))).Status.Should().Be(HttpStatusCode.OK);

        var received = fixture.Backend.Received.Last(request => request.Target == "/param_forwarding/header");
        // The backend client writes a header's values as one comma-separated list (RFC 9110 section 5.3).
        received.Headers["X-Roles"].ToString().Should().Be("role_a, role_b");
    }
}
