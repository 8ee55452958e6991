using Switchyard.Core.Configuration;
using Switchyard.Core.Pipeline;
using Switchyard.Core.Policies.Cel;

namespace Switchyard.Core.Policies;

/// <summary>
/// The checks of one endpoint or backend, split by phase: before the call (<c>security/policies.req</c>, and the
/// <c>validation/cel</c> expressions that read the request) and after it (<c>resp</c>, and the expressions that read
/// the response, recognised as KrakenD does by the text <c>resp_</c>). On an endpoint with <c>auth/validator</c>, the
/// <c>validation/cel</c> expressions that read <c>JWT</c> are the validator's (checked with the token, 401 when false)
/// and are left out here.
/// </summary>
internal sealed class PolicyChecks
{
    private const string ResponsePrefix = "resp_";

    private PolicyChecks(IReadOnlyList<PolicyCheck> request, IReadOnlyList<PolicyCheck> response)
    {
        Request = request;
        Response = response;
    }

    public IReadOnlyList<PolicyCheck> Request { get; }

    public IReadOnlyList<PolicyCheck> Response { get; }

    /// <summary>The checks of a configuration object, or null when it has none.</summary>
    /// <param name="policies">Its <c>security/policies</c>.</param>
    /// <param name="celChecks">Its <c>validation/cel</c> expressions.</param>
    /// <param name="validatorChecksClaims">True on an endpoint whose <c>auth/validator</c> runs the expressions over <c>JWT</c>.</param>
    public static PolicyChecks? Create(SecurityPoliciesOptions? policies, IReadOnlyList<string> celChecks, bool validatorChecksClaims = false)
    {
        var request = new List<PolicyCheck>();
        var response = new List<PolicyCheck>();
        AddPolicies(request, policies?.Request);
        AddPolicies(response, policies?.Response);

        var celRequest = 0;
        var celResponse = 0;
        foreach (var expression in celChecks)
        {
            if (validatorChecksClaims && ReadsClaims(expression))
            {
                continue;
            }

            var isResponse = expression.Contains(ResponsePrefix, StringComparison.Ordinal);
            var index = isResponse ? celResponse++ : celRequest++;
            (isResponse ? response : request).Add(new PolicyCheck(Compile(expression), new ProxyError($"request aborted by evaluator #{index}")));
        }

        return request.Count == 0 && response.Count == 0 ? null : new PolicyChecks(request, response);
    }

    private static void AddPolicies(List<PolicyCheck> checks, PolicySetOptions? set)
    {
        if (set is null)
        {
            return;
        }

        var error = set.Error;
        for (var i = 0; i < set.Policies.Count; i++)
        {
            var failure = new ProxyError($"policy #{i} not satisfied", error.Status, error.Body, error.ContentType, ExposeBody: true);
            checks.Add(new PolicyCheck(Compile(set.Policies[i]), failure));
        }
    }

    /// <summary>True when <paramref name="expression"/> reads the token's claims (the variable <c>JWT</c>).</summary>
    public static bool ReadsClaims(string expression) =>
        CelEnvironment.Gateway.Compile(expression).Program?.Variables.Contains(ClaimsVariable) == true;

    /// <summary>The CEL variable of the validated token's claims.</summary>
    public const string ClaimsVariable = "JWT";

    // Expressions were compiled and checked when the configuration loaded; one that fails here is a bug.
    internal static CelProgram Compile(string expression) =>
        CelEnvironment.Gateway.Compile(expression).Program
        ?? throw new InvalidOperationException($"the expression '{expression}' was not validated when the configuration loaded");
}
