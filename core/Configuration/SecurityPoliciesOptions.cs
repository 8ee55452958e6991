namespace Switchyard.Core.Configuration;

/// <summary>
/// The <c>security/policies</c> namespace of an endpoint or a backend: expressions that must all hold before the
/// call (<c>req</c>) and after it (<c>resp</c>), and on a published endpoint over the validated token (<c>jwt</c>).
/// </summary>
public sealed record SecurityPoliciesOptions
{
    /// <summary>The <c>req</c> section: evaluated before the request goes on, or null.</summary>
    public PolicySetOptions? Request { get; init; }

    /// <summary>The <c>resp</c> section: evaluated on the response, or null.</summary>
    public PolicySetOptions? Response { get; init; }

    /// <summary>
    /// The <c>jwt</c> section's policies (published endpoints only): expressions over the validated token's claims
    /// (<c>JWT</c>), checked right after the token; one that is not true answers 401.
    /// </summary>
    public IReadOnlyList<string> Jwt { get; init; } = [];

    /// <summary>Evaluate a section's policies as one expression joined with <c>&amp;&amp;</c>. <value>The default value is false.</value></summary>
    public bool AutoJoinPolicies { get; init; }

    /// <summary>Log every evaluation. <value>The default value is false.</value></summary>
    public bool Debug { get; init; }
}

/// <summary>One section (<c>req</c> or <c>resp</c>) of <c>security/policies</c>.</summary>
public sealed record PolicySetOptions
{
    /// <summary>The expressions; every one must be true.</summary>
    public IReadOnlyList<string> Policies { get; init; } = [];

    /// <summary>What the client gets when a policy fails.</summary>
    public PolicyErrorOptions Error { get; init; } = new();
}

/// <summary>The answer of a failed policy.</summary>
public sealed record PolicyErrorOptions
{
    /// <summary>The status. <value>The default value is 500.</value></summary>
    public int Status { get; init; } = 500;

    /// <summary>The body. <value>The default value is empty.</value></summary>
    public string Body { get; init; } = "";

    /// <summary>The body's content type. <value>The default value is <c>text/plain</c>.</value></summary>
    public string ContentType { get; init; } = "text/plain";
}
