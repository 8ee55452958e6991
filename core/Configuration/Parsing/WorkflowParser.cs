using System.Text.Json;
using Switchyard.Core.Configuration.Namespaces;

namespace Switchyard.Core.Configuration.Parsing;

/// <summary>
/// Reads the <c>workflow</c> namespace of a backend: a nested endpoint, read by <see cref="EndpointParser"/>, plus
/// <c>ignore_errors</c>.
/// </summary>
/// <remarks>
/// A workflow's schema has no <c>method</c>, <c>input_headers</c>, <c>input_query_strings</c> or <c>cache_ttl</c>:
/// it takes its method from the backend that opens it, forwards what the published endpoint forwards, and answers
/// that backend rather than a client. Those keys warn and are ignored (the cascade overrides them) instead of
/// failing the file, as any other unknown key does.
/// </remarks>
internal static class WorkflowParser
{
    public const string Namespace = "workflow";

    private const string IgnoreErrorsKey = "ignore_errors";

    private static readonly (string Key, string Reason)[] InheritedKeys =
    [
        ("method", "a workflow uses the method of the backend that opens it"),
        ("input_headers", "a workflow gets the headers of the published endpoint"),
        ("input_query_strings", "a workflow gets the query strings of the published endpoint"),
        ("cache_ttl", "a workflow answers its parent, never a client"),
    ];

    public static EndpointConfig? Parse(ExtraConfigSection extraConfig, ConfigProblems problems)
    {
        if (!extraConfig.TryGet(Namespace, out var element, out var path))
        {
            return null;
        }

        var workflow = EndpointParser.Parse(element, path, problems, Placement.Workflow, [IgnoreErrorsKey]);
        if (workflow is null)
        {
            return null;
        }

        // A second reader over the same object: EndpointParser already reported its unknown keys.
        var reader = JsonObjectReader.Open(element, path, problems)!;
        ReportInheritedKeys(element, reader);
        return workflow with { IgnoreErrors = reader.Bool(IgnoreErrorsKey) };
    }

    private static void ReportInheritedKeys(JsonElement element, JsonObjectReader reader)
    {
        foreach (var (key, reason) in InheritedKeys)
        {
            if (element.TryGetProperty(key, out _))
            {
                reader.Problems.Warning(reader.PathOf(key), $"unsupported key '{key}' ({reason}; ignored)");
            }
        }
    }
}
