namespace Switchyard.Core.Configuration.Parsing;

/// <summary>
/// Reads the <c>security/policies</c> namespace of an endpoint, a backend or a workflow. The <c>jwt</c> section is
/// reported and skipped: Switchyard validates no tokens yet, so those policies could never run.
/// </summary>
internal static class SecurityPoliciesParser
{
    public const string Namespace = "security/policies";

    private const string JwtKey = "jwt";

    public static SecurityPoliciesOptions? Parse(ExtraConfigSection extraConfig, ConfigProblems problems)
    {
        var reader = extraConfig.Open(Namespace, problems);
        if (reader is null)
        {
            return null;
        }

        var options = new SecurityPoliciesOptions
        {
            Request = ReadSection(reader, "req"),
            Response = ReadSection(reader, "resp"),
            AutoJoinPolicies = reader.Bool("auto_join_policies"),
            Debug = reader.Bool("debug"),
        };

        if (reader.TryGet(JwtKey, out _))
        {
            reader.Problems.Warning(reader.PathOf(JwtKey), $"unsupported key '{JwtKey}' (JWT validation is not served; these policies are ignored)");
        }

        reader.ReportUnknownKeys();
        return options;
    }

    private static PolicySetOptions? ReadSection(JsonObjectReader policies, string key)
    {
        if (!policies.TryGet(key, out var element))
        {
            return null;
        }

        var reader = JsonObjectReader.Open(element, policies.PathOf(key), policies.Problems);
        if (reader is null)
        {
            return null;
        }

        var section = new PolicySetOptions { Policies = reader.Strings("policies"), Error = ReadError(reader) };
        reader.ReportUnknownKeys();
        return section;
    }

    private static PolicyErrorOptions ReadError(JsonObjectReader section)
    {
        var defaults = new PolicyErrorOptions();
        if (!section.TryGet("error", out var element))
        {
            return defaults;
        }

        var reader = JsonObjectReader.Open(element, section.PathOf("error"), section.Problems);
        if (reader is null)
        {
            return defaults;
        }

        var error = new PolicyErrorOptions
        {
            Status = reader.Int("status") ?? defaults.Status,
            Body = reader.String("body") ?? defaults.Body,
            ContentType = reader.String("content_type") ?? defaults.ContentType,
        };
        reader.ReportUnknownKeys();
        return error;
    }
}
