namespace Switchyard.Functions.Tests.Hosting;

/// <summary>Shortcuts to send a request to a <see cref="TestGateway"/> and read its answer.</summary>
internal static class GatewayRequests
{
    public static async Task<GatewayAnswer> GetAnswerAsync(this TestGateway gateway, string target, string? accept = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, target);
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        return await GatewayAnswer.ReadAsync(await gateway.Client.SendAsync(request));
    }
}
