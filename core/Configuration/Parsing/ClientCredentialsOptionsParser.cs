using System.Text.Json;
using Switchyard.Core.Security.ClientCredentials;

namespace Switchyard.Core.Configuration.Parsing;

/// <summary>
/// Reads a backend's <c>auth/client-credentials</c> namespace. <c>scopes</c> is one comma-separated string, as in
/// KrakenD; each <c>endpoint_params</c> value must be an array of strings (KrakenD stops at start on anything else).
/// The validator checks the required fields, the URL and the parameter names.
/// </summary>
internal static class ClientCredentialsOptionsParser
{
    public static ClientCredentialsOptions? Parse(ExtraConfigSection extraConfig, ConfigProblems problems)
    {
        var reader = extraConfig.Open(NamespaceAliases.AuthClientCredentials, problems);
        if (reader is null)
        {
            return null;
        }

        var options = new ClientCredentialsOptions
        {
            ClientId = reader.String("client_id") ?? "",
            ClientSecret = reader.String("client_secret") ?? "",
            TokenUrl = reader.String("token_url") ?? "",
            Scopes = (reader.String("scopes") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            EndpointParams = EndpointParams(reader),
            IsDisabled = reader.Bool("is_disabled"),
        };
        reader.ReportUnknownKeys();
        return options;
    }

    // Every key is a parameter name, so the reader's own checks give each non-array value its error and path.
    private static Dictionary<string, IReadOnlyList<string>> EndpointParams(JsonObjectReader reader)
    {
        var parameters = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (!reader.TryGet("endpoint_params", out var element) || reader.Object("endpoint_params") is not { } inner)
        {
            return parameters;
        }

        foreach (var property in element.EnumerateObject())
        {
            var values = inner.Strings(property.Name);
            if (property.Value.ValueKind == JsonValueKind.Array)
            {
                parameters[property.Name] = values;
            }
        }

        return parameters;
    }
}
