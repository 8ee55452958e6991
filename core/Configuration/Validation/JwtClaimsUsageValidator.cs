using Switchyard.Core.Configuration.Parsing;
using Switchyard.Core.Policies;
using Switchyard.Core.Policies.Cel;

namespace Switchyard.Core.Configuration.Validation;

/// <summary>
/// The CEL variable <c>JWT</c> (the validated token's claims) is read only where a token is validated: the
/// <c>validation/cel</c> expressions and the <c>security/policies</c> <c>jwt</c> section of a published endpoint with
/// <c>auth/validator</c>. Those run with the token, before the request is read, so they may read <c>JWT</c> and
/// <c>now</c> only. Anywhere else (backends, workflows, agents, <c>req</c>/<c>resp</c> policies, an endpoint without a
/// validator) <c>JWT</c> could never have a value, and <c>jwt</c> policies without a validator would never run: KrakenD
/// skips or always fails such expressions; here they are errors.
/// </summary>
internal sealed class JwtClaimsUsageValidator : IConfigValidator
{
    private static readonly HashSet<string> TokenPhaseVariables = [PolicyChecks.ClaimsVariable, "now"];

    private const string NotHere =
        "'JWT' (the token's claims) is read only by the validation/cel expressions and the security/policies jwt section "
        + "of a published endpoint with auth/validator";

    public void Validate(ServiceConfig config, ConfigProblems problems)
    {
        foreach (var node in EndpointNode.All(config))
        {
            var endpoint = node.Endpoint;
            var validated = !node.IsWorkflow && !node.IsAgentPipe && endpoint.JwtValidator is not null;
            CheckOwner(endpoint.Policies, endpoint.CelChecks, endpoint.JsonPath, validated, problems);
            foreach (var backend in endpoint.Backends)
            {
                CheckOwner(backend.Policies, backend.CelChecks, backend.JsonPath, validated: false, problems);
            }
        }
    }

    private static void CheckOwner(
        SecurityPoliciesOptions? policies, IReadOnlyList<string> celChecks, string ownerPath, bool validated, ConfigProblems problems)
    {
        var extraConfig = ownerPath + ".extra_config";
        var policiesPath = JsonPaths.Property(extraConfig, SecurityPoliciesParser.Namespace);
        var celPath = JsonPaths.Property(extraConfig, NamespaceAliases.ValidationCel);

        Check(celChecks, i => JsonPaths.Index(celPath, i) + ".check_expr", validated, problems);
        Check(policies?.Request?.Policies ?? [], i => JsonPaths.Index(policiesPath + ".req.policies", i), tokenPhase: false, problems);
        Check(policies?.Response?.Policies ?? [], i => JsonPaths.Index(policiesPath + ".resp.policies", i), tokenPhase: false, problems);

        if (policies?.Jwt is { Count: > 0 } jwt)
        {
            if (validated)
            {
                Check(jwt, i => JsonPaths.Index(policiesPath + ".jwt.policies", i), tokenPhase: true, problems, everyOne: true);
            }
            else
            {
                problems.Error(policiesPath + ".jwt", "jwt policies need auth/validator on this endpoint: without a validated token they would never run");
            }
        }
    }

    // tokenPhase: the expressions that read JWT run with the token (everyOne: all of them do).
    private static void Check(IReadOnlyList<string> expressions, Func<int, string> pathOf, bool tokenPhase, ConfigProblems problems, bool everyOne = false)
    {
        for (var i = 0; i < expressions.Count; i++)
        {
            if (CelEnvironment.Gateway.Compile(expressions[i]).Program is not { } program)
            {
                continue; // reported by PolicyExpressionValidator
            }

            var readsClaims = program.Variables.Contains(PolicyChecks.ClaimsVariable);
            if (readsClaims && !tokenPhase)
            {
                problems.Error(pathOf(i), NotHere);
            }
            else if (tokenPhase && (readsClaims || everyOne) && program.Variables.Except(TokenPhaseVariables).Order(StringComparer.Ordinal).ToList() is { Count: > 0 } others)
            {
                problems.Error(
                    pathOf(i),
                    $"an expression over the token runs before the request is read: it may read JWT and now only, not {string.Join(", ", others)}");
            }
        }
    }
}
