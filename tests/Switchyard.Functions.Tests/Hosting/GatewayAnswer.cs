using System.Net;

namespace Switchyard.Functions.Tests.Hosting;

/// <summary>What the gateway answered, read once, with the raw header values a test compares exactly.</summary>
/// <param name="Status">The status code.</param>
/// <param name="Completed">The <c>X-KrakenD-Completed</c> value, or null when the header is absent.</param>
/// <param name="ContentType">The raw <c>Content-Type</c> value, or null when absent.</param>
/// <param name="Body">The body as text.</param>
/// <param name="Response">The response itself, for any other header.</param>
internal sealed record GatewayAnswer(HttpStatusCode Status, string? Completed, string? ContentType, string Body, HttpResponseMessage Response)
{
    public static async Task<GatewayAnswer> ReadAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        return new GatewayAnswer(
            response.StatusCode,
            response.Headers.TryGetValues("X-KrakenD-Completed", out var completed) ? string.Join(",", completed) : null,
            response.Content.Headers.NonValidated.TryGetValues("Content-Type", out var type) ? type.ToString() : null,
            body,
            response);
    }
}
