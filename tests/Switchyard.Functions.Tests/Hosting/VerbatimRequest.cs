namespace Switchyard.Functions.Tests.Hosting;

/// <summary>
/// Requests whose target goes on the wire exactly as written: <see cref="Uri"/> would otherwise unescape
/// <c>%2E</c> and drop dot segments, so a test could never send what an attacker sends.
/// </summary>
internal static class VerbatimRequest
{
    private static readonly UriCreationOptions Verbatim = new() { DangerousDisablePathAndQueryCanonicalization = true };

    /// <summary>A request for <paramref name="target"/> (path and query) on <paramref name="client"/>'s base address.</summary>
    public static HttpRequestMessage Create(HttpClient client, HttpMethod method, string target) =>
        new(method, new Uri(client.BaseAddress!.GetLeftPart(UriPartial.Authority) + target, Verbatim));

    /// <summary>Sends a GET for <paramref name="target"/> as written.</summary>
    public static async Task<HttpResponseMessage> GetAsync(HttpClient client, string target)
    {
        using var request = Create(client, HttpMethod.Get, target);
        return await client.SendAsync(request);
    }
}
