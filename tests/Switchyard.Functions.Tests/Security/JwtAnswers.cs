using System.Net;
using Switchyard.Functions.Tests.Hosting;

namespace Switchyard.Functions.Tests.Security;

/// <summary>Requests carrying tokens, and the status-only answers KrakenD's JWT layers give.</summary>
internal static class JwtAnswers
{
    /// <summary>GET <paramref name="target"/> with <c>Authorization: Bearer token</c> (none when null) and extra headers.</summary>
    public static async Task<GatewayAnswer> GetWithTokenAsync(
        this TestGateway gateway, string target, string? token, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, target);
        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
        }

        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await GatewayAnswer.ReadAsync(await gateway.Client.SendAsync(request));
    }

    /// <summary>
    /// <paramref name="answer"/> is KrakenD's middleware rejection: the status with an empty body, <c>Content-Length: 0</c>,
    /// and no <c>Content-Type</c>, <c>X-KrakenD-Completed</c> or <c>Cache-Control</c>.
    /// </summary>
    public static void ShouldBeStatusOnly(this GatewayAnswer answer, HttpStatusCode status)
    {
        answer.Status.Should().Be(status, answer.Body);
        answer.Body.Should().BeEmpty();
        answer.Response.Content.Headers.ContentLength.Should().Be(0);
        answer.ContentType.Should().BeNull();
        answer.Completed.Should().BeNull();
        answer.Response.Headers.CacheControl.Should().BeNull();
    }
}
