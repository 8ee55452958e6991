using System.Text.Json.Nodes;

namespace Switchyard.Core.Pipeline;

/// <summary>
/// What a layer answers. KrakenD's <c>(response, error)</c> pair in one value: <see cref="Data"/> null and no
/// <see cref="Passthrough"/> is the "nil response"; an error may travel with partial data.
/// </summary>
public sealed record ProxyResponse
{
    /// <summary>The decoded, formatted data; null when there is no response at all.</summary>
    public JsonObject? Data { get; init; }

    /// <summary>True when every part of the response arrived in time and without error.</summary>
    public bool IsComplete { get; init; }

    /// <summary>The error that travels with this response, or null.</summary>
    public ProxyError? Error { get; init; }

    /// <summary>A <c>no-op</c> backend's answer, streamed to the client as it is. The receiver disposes it.</summary>
    public HttpResponseMessage? Passthrough { get; init; }

    /// <summary>
    /// The status a backend answered with, on the response its HTTP call produced (a failure's is
    /// <see cref="ProxyError.BackendStatus"/>); null on any other response. Metrics label a backend call with it.
    /// </summary>
    public int? BackendStatus { get; init; }

    /// <summary>True for KrakenD's nil response: nothing to render.</summary>
    public bool IsEmpty => Data is null && Passthrough is null;

    /// <summary>A complete response with <paramref name="data"/>.</summary>
    public static ProxyResponse Complete(JsonObject data) => new() { Data = data, IsComplete = true };

    /// <summary>No response, only an error.</summary>
    public static ProxyResponse Failed(ProxyError error) => new() { Error = error };

    /// <summary>No response, only an error with this text.</summary>
    public static ProxyResponse Failed(string message) => new() { Error = new ProxyError(message) };
}
