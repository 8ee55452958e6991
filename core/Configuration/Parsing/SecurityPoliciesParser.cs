using Switchyard.Core.Configuration.Namespaces;

namespace Switchyard.Core.Configuration.Parsing;

/// <summary>
/// Reads the <c>security/policies</c> namespace of an endpoint, a backend, a workflow or an agent. The <c>jwt</c>
/// section (policies over the validated token, 401 when one fails) is read on a published endpoint only, as in KrakenD;
/// anywhere else it is refused, since no token is validated there.
/// </summary>
internal static class SecurityPoliciesParser
{
    public const string Namespace = "security/policies";

    private const string JwtKey = "jwt";

    public static SecurityPoliciesOptions? Parse(ExtraConfigSection extraConfig, ConfigProblems problems, Placement placement)
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
            Jwt = placement == Placement.Endpoint ? ReadJwtSection(reader) : [],
            AutoJoinPolicies = reader.Bool("auto_join_policies"),
            Debug = reader.Bool("debug"),
        };

        // The switch turns off the gateway's macro functions for speed; Switchyard has none, so either value is honoured.
        _ = reader.Bool("disable_macros");
        if (placement != Placement.Endpoint && reader.TryGet(JwtKey, out _))
        {
            reader.Problems.Error(
                reader.PathOf(JwtKey),
                $"'{JwtKey}' policies run where the token is validated, on a published endpoint only: refused on {UnservedNamespace.Describe(placement)}, because they would never run");
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

        var reader = policies.OpenInside(element, policies.PathOf(key));
        if (reader is null)
        {
            return null;
        }

        var section = new PolicySetOptions { Policies = reader.Strings("policies"), Error = ReadError(reader) };
        reader.ReportUnknownKeys();
        return section;
    }

    private static IReadOnlyList<string> ReadJwtSection(JsonObjectReader policies)
    {
        if (!policies.TryGet(JwtKey, out var element))
        {
            return [];
        }

        var reader = policies.OpenInside(element, policies.PathOf(JwtKey));
        if (reader is null)
        {
            return [];
        }

        var expressions = reader.Strings("policies");
        if (expressions.Count == 0 && !reader.Problems.HasErrorAt(reader.PathOf("policies")))
        {
            reader.Problems.Error(reader.PathOf("policies"), "required: at least one policy");
        }

        reader.ReportUnknownKeys();
        return expressions;
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
