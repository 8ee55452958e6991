using Switchyard.Core.Configuration.Parsing;
using Switchyard.Core.Policies.Cel;

namespace Switchyard.Core.Configuration.Validation;

/// <summary>
/// Every expression of <c>security/policies</c> and <c>validation/cel</c>, at every depth, compiles and type-checks
/// against the gateway's variables and is a bool: a bad expression stops the configuration with its path and column,
/// it never passes silently at run time.
/// </summary>
internal sealed class PolicyExpressionValidator : IConfigValidator
{
    public void Validate(ServiceConfig config, ConfigProblems problems)
    {
        foreach (var endpoint in EndpointNode.AllEndpoints(config))
        {
            Validate(endpoint.Policies, endpoint.CelChecks, endpoint.JsonPath, problems);
            foreach (var backend in endpoint.Backends)
            {
                Validate(backend.Policies, backend.CelChecks, backend.JsonPath, problems);
            }
        }
    }

    private static void Validate(SecurityPoliciesOptions? policies, IReadOnlyList<string> celChecks, string ownerPath, ConfigProblems problems)
    {
        var extraConfig = ownerPath + ".extra_config";
        var policiesPath = JsonPaths.Property(extraConfig, SecurityPoliciesParser.Namespace);
        Compile(policies?.Request?.Policies ?? [], i => JsonPaths.Index(policiesPath + ".req.policies", i), problems);
        Compile(policies?.Response?.Policies ?? [], i => JsonPaths.Index(policiesPath + ".resp.policies", i), problems);
        Compile(policies?.Jwt ?? [], i => JsonPaths.Index(policiesPath + ".jwt.policies", i), problems);

        var celPath = JsonPaths.Property(extraConfig, NamespaceAliases.ValidationCel);
        Compile(celChecks, i => JsonPaths.Index(celPath, i) + ".check_expr", problems);
    }

    private static void Compile(IReadOnlyList<string> expressions, Func<int, string> pathOf, ConfigProblems problems)
    {
        for (var i = 0; i < expressions.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(expressions[i]))
            {
                continue; // reported by the rule on empty policies
            }

            var result = CelEnvironment.Gateway.Compile(expressions[i]);
            foreach (var error in result.Errors)
            {
                problems.Error(pathOf(i), $"{error} in '{expressions[i]}'");
            }

            if (result.Program is { ResultType: not ("bool" or "dyn") } program)
            {
                problems.Error(pathOf(i), $"a policy must be a bool expression, '{expressions[i]}' is {program.ResultType}");
            }
        }
    }
}
