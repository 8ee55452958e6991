using System.Text.Json;
using Switchyard.Core.Schemas;

namespace Switchyard.Core.Configuration.Parsing;

/// <summary>
/// Reads the <c>validation/json-schema</c> namespace of a published endpoint or an async agent: the value is the schema
/// itself. It is compiled here, because the compiled schema is what the record holds: one that cannot be compiled (an
/// unknown keyword value, a draft that is not served, a <c>$ref</c> that does not resolve offline) is a configuration
/// error with its path. KrakenD logs it and lets every body through; Switchyard refuses to start instead (fail closed).
/// </summary>
internal static class JsonSchemaParser
{
    public static RequestSchema? Parse(ExtraConfigSection extraConfig, ConfigProblems problems)
    {
        if (!extraConfig.TryGet(NamespaceAliases.ValidationJsonSchema, out var element, out var path))
        {
            return null;
        }

        if (element.ValueKind is not (JsonValueKind.Object or JsonValueKind.True or JsonValueKind.False))
        {
            problems.Error(path, "expected a JSON Schema (an object or a boolean), got " + JsonValueText.Describe(element));
            return null;
        }

        var schema = RequestSchema.Compile(element, out var problem, out var problemKey);
        if (problem is not null)
        {
            problems.Error(problemKey is null ? path : JsonPaths.Property(path, problemKey), problem);
        }

        return schema;
    }
}
