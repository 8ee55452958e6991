using System.Text.RegularExpressions;

namespace Switchyard.Core.Configuration.Validation;

/// <summary>
/// The placeholders of a published endpoint's backends, as lura checks them: the endpoint's <c>{params}</c>, any
/// <c>respN_field</c>, <c>JWT.claim</c> when the endpoint validates tokens (<c>auth/validator</c>: without it the
/// placeholder could never be filled), and <c>input_headers.Name</c> / <c>input_query_strings.name</c> for what the
/// endpoint forwards (its list names it, or is <c>*</c>).
/// </summary>
internal sealed partial class PublishedEndpointScope(EndpointConfig endpoint) : PlaceholderScope
{
    private const string HeaderPrefix = "input_headers.";
    private const string QueryPrefix = "input_query_strings.";

    private readonly IReadOnlyList<string> _params = EndpointRoute.Params(endpoint.Endpoint);

    public override bool Declares(string name, int backendIndex) =>
        _params.Contains(name)
        || ResponsePattern().IsMatch(name)
        || (endpoint.JwtValidator is not null && ClaimPattern().IsMatch(name))
        // Header names match case-insensitively, query keys exactly, as they are forwarded.
        || IsForwarded(name, HeaderPrefix, endpoint.InputHeaders, StringComparison.OrdinalIgnoreCase)
        || IsForwarded(name, QueryPrefix, endpoint.InputQueryStrings, StringComparison.Ordinal);

    private static bool IsForwarded(string name, string prefix, IReadOnlyList<string> forwarded, StringComparison comparison)
    {
        if (!name.StartsWith(prefix, StringComparison.Ordinal) || name.Length == prefix.Length)
        {
            return false;
        }

        var key = name.AsSpan(prefix.Length);
        foreach (var item in forwarded)
        {
            if (item == "*" || key.Equals(item, comparison))
            {
                return true;
            }
        }

        return false;
    }

    public override string Undefined(string name) =>
        ClaimPattern().IsMatch(name)
            ? $"'{{{name}}}' reads the token's claims: the endpoint needs auth/validator"
            : base.Undefined(name);

    [GeneratedRegex(@"^resp[0-9]+_.+$")]
    private static partial Regex ResponsePattern();

    [GeneratedRegex(@"^JWT\.[a-zA-Z0-9_\-.:/]+$")]
    private static partial Regex ClaimPattern();
}
