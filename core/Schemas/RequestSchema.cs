using System.Text;
using System.Text.Json;
using Json.Schema;
using Json.Schema.Keywords;
using Switchyard.Core.Pipeline;

namespace Switchyard.Core.Schemas;

/// <summary>
/// A compiled <c>validation/json-schema</c>: checks a request body (an agent's message body) the way KrakenD does. An
/// empty body, a body that is not JSON and a body that breaks the schema are all the client's fault (400); a broken
/// rule is one line per problem, <c>- at '/number': ...</c>, the instance location as a JSON pointer.
/// </summary>
/// <remarks>
/// Compiled once when the configuration loads, each schema in a registry of its own (two endpoints may declare the same
/// <c>$id</c>) that never fetches anything: a <c>$ref</c> must resolve inside the schema or to a bundled meta-schema,
/// so validation never waits on, or trusts, a remote server.
/// </remarks>
public sealed class RequestSchema
{
    /// <summary>KrakenD's error for a missing or empty body.</summary>
    public const string EmptyBodyMessage = "could not validate an empty body";

    private static readonly ProxyError EmptyBody = Rejection(EmptyBodyMessage);

    private readonly JsonSchema _schema;
    private readonly EvaluationOptions _evaluation;

    private RequestSchema(JsonSchema schema, Dialect draft)
    {
        _schema = schema;

        // The list output names each failing keyword with its instance location, which is what the lines report.
        _evaluation = new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = SchemaDrafts.AssertsFormat(draft) };
    }

    /// <summary>
    /// Compiles <paramref name="schema"/> (an object or a boolean); null with <paramref name="problem"/> when it cannot
    /// be compiled, and <paramref name="problemKey"/> set when the problem is its <c>$schema</c>.
    /// </summary>
    public static RequestSchema? Compile(JsonElement schema, out string? problem, out string? problemKey)
    {
        problemKey = null;
        if (SchemaDrafts.Of(schema, out problem) is not { } draft)
        {
            problemKey = SchemaDrafts.Key;
            return null;
        }

        var options = new BuildOptions
        {
            Dialect = draft,
            SchemaRegistry = new SchemaRegistry { Fetch = static (_, _) => null },
        };
        try
        {
            // Cloned: the compiled schema keeps values (enum, const) beyond the life of the configuration's document.
            var compiled = JsonSchema.Build(schema.Clone(), options);
            if (FirstUnresolvedRef(compiled.Root) is { } target)
            {
                problem = $"$ref '{target}' does not resolve: a $ref must point inside the schema or to a draft's meta-schema (remote schemas are never fetched)";
                return null;
            }

            return new RequestSchema(compiled, draft);
        }
        catch (JsonSchemaException exception)
        {
            problem = "invalid JSON Schema: " + exception.Message;
            return null;
        }
    }

    // Building links every $ref it can resolve to its target (its one subschema) and leaves the others bare, to fail
    // the first request that reaches them: found here instead, so the configuration is refused.
    private static Uri? FirstUnresolvedRef(JsonSchemaNode root)
    {
        var seen = new HashSet<JsonSchemaNode>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<JsonSchemaNode>();
        pending.Push(root);
        while (pending.TryPop(out var node))
        {
            if (!seen.Add(node))
            {
                continue;
            }

            foreach (var keyword in node.Keywords ?? [])
            {
                if (keyword.Handler is RefKeyword && keyword.Subschemas is not { Length: > 0 })
                {
                    return keyword.Value as Uri ?? new Uri(keyword.RawValue.ToString(), UriKind.RelativeOrAbsolute);
                }

                foreach (var subschema in keyword.Subschemas ?? [])
                {
                    pending.Push(subschema);
                }
            }
        }

        return null;
    }

    /// <summary>Null when <paramref name="body"/> is JSON that satisfies the schema; else the 400 to answer.</summary>
    public ProxyError? Check(ReadOnlyMemory<byte> body)
    {
        if (body.IsEmpty)
        {
            return EmptyBody;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException exception)
        {
            return Rejection(exception.Message);
        }

        using (document)
        {
            EvaluationResults results;
            try
            {
                results = _schema.Evaluate(document.RootElement, _evaluation);
            }
            catch (JsonSchemaException exception)
            {
                // A reference resolved only while evaluating ($dynamicRef) that leads nowhere: the schema's fault, not the body's.
                return new ProxyError("could not validate the body: " + exception.Message);
            }

            return results.IsValid ? null : Rejection(Describe(results));
        }
    }

    private static string Describe(EvaluationResults results)
    {
        var text = new StringBuilder();
        Append(text, results);
        foreach (var detail in results.Details ?? [])
        {
            Append(text, detail);
        }

        // A schema can fail without a message of its own (a failed subschema's parent): the location still helps.
        return text.Length > 0 ? text.ToString() : "- at '': the body does not match the schema";
    }

    private static void Append(StringBuilder text, EvaluationResults node)
    {
        if (node.Errors is null)
        {
            return;
        }

        foreach (var error in node.Errors)
        {
            if (text.Length > 0)
            {
                text.Append('\n');
            }

            text.Append("- at '").Append(node.InstanceLocation).Append("': ").Append(error.Value);
        }
    }

    private static ProxyError Rejection(string message) => new(message, StatusCode: 400, RejectsInput: true);
}
