namespace Switchyard.Core.Configuration;

/// <summary>The supported keys of the root <c>router</c> namespace.</summary>
public sealed record RouterOptions
{
    /// <summary>Write the error text as the body of failed responses. <value>The default value is false.</value></summary>
    public bool ReturnErrorMessage { get; init; }

    /// <summary>Do not serve the health endpoint. <value>The default value is false.</value></summary>
    public bool DisableHealth { get; init; }

    /// <summary>Where the health endpoint is served. <value>The default value is <c>/__health</c>.</value></summary>
    public string HealthPath { get; init; } = "/__health";

    /// <summary>Accept percent-encoded values in path parameters. <value>The default value is false.</value></summary>
    public bool DisablePathDecoding { get; init; }
}
