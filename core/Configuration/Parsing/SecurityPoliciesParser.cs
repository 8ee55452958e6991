namespace Switchyard.Core.Configuration.Parsing;

/// <summary>
/// Reads the <c>security/policies</c> namespace of an endpoint, a backend or a workflow. The <c>jwt</c> section is
/// refused: Switchyard validates no tokens yet, so those policies could never run.
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

        // The switch turns off the gateway's macro functions for speed; Switchyard has none, so either value is honoured.
        _ = reader.Bool("disable_macros");
        reader.Refuse(JwtKey, "policies over the token's claims", "those policies would never run");

        reader.ReportUnknownKeys();
        return options;
    }

    private static PolicySetOptions? ReadSection(JsonObjectReader policies, string key)
    {
        if (!policies.TryGet(key, out var element))
        {
            return null;
        }

        var reader = policies.OpenInside(element, policies.PathOf(key));
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

        var reader = section.OpenInside(element, section.PathOf("error"));
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
