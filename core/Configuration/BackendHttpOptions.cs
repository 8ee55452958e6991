namespace Switchyard.Core.Configuration;

/// <summary>The <c>backend/http</c> namespace.</summary>
public sealed record BackendHttpOptions
{
    /// <summary>
    /// When set, a failed call becomes the data <c>{"alias":{"http_status_code":N,"http_body":..}}</c>
    /// instead of an error. <value>The default value is null (off).</value>
    /// </summary>
    public string? ReturnErrorDetails { get; init; }

    /// <summary>Forward the backend's failing status to the client. <value>The default value is false.</value></summary>
    public bool ReturnErrorCode { get; init; }
}
