using Switchyard.Core.Configuration.Parsing;

namespace Switchyard.Core.Configuration.Validation;

/// <summary>
/// Each <c>security/policies</c> section (of endpoints, backends and workflows) answers a failure with an HTTP status
/// (100 to 599) and lists only non-empty expressions. Compiling the expressions is the CEL engine's job.
/// </summary>
internal sealed class SecurityPoliciesValidator : IConfigValidator
{
    private const int MinStatus = 100;
    private const int MaxStatus = 599;

    public void Validate(ServiceConfig config, ConfigProblems problems)
    {
        foreach (var endpoint in EndpointNode.AllEndpoints(config))
        {
            Validate(endpoint.Policies, endpoint.JsonPath, problems);
            foreach (var backend in endpoint.Backends)
            {
                Validate(backend.Policies, backend.JsonPath, problems);
            }
        }
    }

    private static void Validate(SecurityPoliciesOptions? policies, string ownerPath, ConfigProblems problems)
    {
        if (policies is null)
        {
            return;
        }

        var path = JsonPaths.Property(ownerPath + ".extra_config", SecurityPoliciesParser.Namespace);
        Validate(policies.Request, path + ".req", problems);
        Validate(policies.Response, path + ".resp", problems);
    }

    private static void Validate(PolicySetOptions? section, string path, ConfigProblems problems)
    {
        if (section is null)
        {
            return;
        }

        var status = section.Error.Status;
        if (status is < MinStatus or > MaxStatus)
        {
            problems.Error(path + ".error.status", $"status must be between {MinStatus} and {MaxStatus}, got {status}");
        }

        // A non-string item was dropped by the parser (and reported), so indexes would no longer match the file.
        var policiesPath = path + ".policies";
        if (problems.HasErrorAt(policiesPath))
        {
            return;
        }

        for (var i = 0; i < section.Policies.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(section.Policies[i]))
            {
                problems.Error(JsonPaths.Index(policiesPath, i), "a policy must be a non-empty expression");
            }
        }
    }
}
