using System.Net;
using Switchyard.Core.Modifiers.Martian;
using static Switchyard.Core.Tests.Configuration.ConfigFixtures;

namespace Switchyard.Core.Tests.Modifiers.Martian;

/// <summary>Builds modifiers from their configuration text and runs them on real request and response messages.</summary>
internal static class MartianFixture
{
    /// <summary>The modifier a backend's <c>modifier/martian</c> block holds; the block must be valid.</summary>
    public static MartianModifier Parse(string block) =>
        LoadValid(ServiceWithBackend($$"""
            "extra_config": {"modifier/martian": {{block}}}
            """)).Endpoints[0].Backends[0].Martian!;

    /// <summary>A GET to <paramref name="url"/>, as the backend pipe builds it (verbatim URL).</summary>
    public static HttpRequestMessage Request(string url = "http://backend:8000/b?x=1") =>
        new(HttpMethod.Get, new Uri(url, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true }));

    /// <summary>Runs the request scope of <paramref name="modifier"/> on <paramref name="request"/>.</summary>
    public static HttpRequestMessage ModifyRequest(this MartianModifier modifier, HttpRequestMessage request)
    {
        modifier.Request.Should().NotBeNull("the modifier serves the request scope");
        var view = MartianRequest.Of(request);
        modifier.Request!.ModifyRequest(view);
        view.Commit();
        return request;
    }

    /// <summary>A 200 response to <paramref name="request"/> with a JSON body.</summary>
    public static HttpResponseMessage Response(HttpRequestMessage? request = null, string body = "{}") =>
        new(HttpStatusCode.OK)
        {
            RequestMessage = request ?? Request(),
            Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
        };

    /// <summary>Runs the response scope of <paramref name="modifier"/> on <paramref name="response"/>.</summary>
    public static HttpResponseMessage ModifyResponse(this MartianModifier modifier, HttpResponseMessage response)
    {
        modifier.Response.Should().NotBeNull("the modifier serves the response scope");
        modifier.Response!.ModifyResponse(MartianResponse.Of(response));
        return response;
    }

    /// <summary>Every value of a header, from the message or its content; empty when absent.</summary>
    public static string[] Values(this HttpRequestMessage request, string name) =>
        request.Headers.NonValidated.TryGetValues(name, out var values) ? [.. values]
        : request.Content is { } content && content.Headers.NonValidated.TryGetValues(name, out var contentValues) ? [.. contentValues]
        : [];

    public static string[] Values(this HttpResponseMessage response, string name) =>
        response.Headers.NonValidated.TryGetValues(name, out var values) ? [.. values]
        : response.Content.Headers.NonValidated.TryGetValues(name, out var contentValues) ? [.. contentValues]
        : [];
}
