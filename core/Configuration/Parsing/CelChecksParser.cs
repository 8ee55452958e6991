using System.Text.Json;

namespace Switchyard.Core.Configuration.Parsing;

/// <summary>
/// Reads the <c>validation/cel</c> namespace: an array of <c>{"check_expr": "..."}</c> objects. Its shape is checked
/// here rather than by a validator because the record keeps only the expressions, so an item without one has no
/// place to be held. Compiling the expressions is the CEL engine's job.
/// </summary>
internal static class CelChecksParser
{
    private const string ExpressionKey = "check_expr";

    public static IReadOnlyList<string> Parse(ExtraConfigSection extraConfig, ConfigProblems problems)
    {
        if (!extraConfig.TryGet(NamespaceAliases.ValidationCel, out var element, out var path))
        {
            return [];
        }

        if (element.ValueKind != JsonValueKind.Array)
        {
            problems.Error(path, "expected an array of {\"check_expr\": ...} objects, got " + JsonValueText.Describe(element));
            return [];
        }

        var checks = new List<string>(element.GetArrayLength());
        var index = 0;
        foreach (var item in element.EnumerateArray())
        {
            var reader = JsonObjectReader.Open(item, JsonPaths.Index(path, index++), problems, unknownKeysAreErrors: true);
            if (reader is null)
            {
                continue;
            }

            var expression = reader.String(ExpressionKey);
            if (!string.IsNullOrWhiteSpace(expression))
            {
                checks.Add(expression);
            }
            else if (!problems.HasErrorAt(reader.PathOf(ExpressionKey)))
            {
                problems.Error(reader.PathOf(ExpressionKey), "required: a non-empty CEL expression");
            }

            reader.ReportUnknownKeys();
        }

        return checks;
    }
}
