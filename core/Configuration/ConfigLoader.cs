using System.Text.Json;
using Switchyard.Core.Configuration.Parsing;
using Switchyard.Core.Configuration.Validation;

namespace Switchyard.Core.Configuration;

/// <summary>
/// Turns a <c>krakend.json</c> (version 3) into a validated <see cref="ServiceConfig"/>: parse, cascade the
/// defaults as lura does, then run every validator. Problems are collected, never thrown: the result lists
/// every error and warning with its JSON path, and holds a configuration only when there is no error.
/// </summary>
/// <remarks>
/// Endpoints with a method the router does not serve are dropped with a warning. Workflows
/// (<see cref="BackendConfig.Workflow"/>) are parsed, cascaded and validated with the same code as endpoints, at
/// any depth; so are the pipes of the root <c>async_agent</c> array (<see cref="ServiceConfig.AsyncAgents"/>). Namespaces
/// that are not served yet (<c>auth/validator</c>, ...) are reported and kept in the raw <c>ExtraConfig</c> objects.
/// </remarks>
public static class ConfigLoader
{
    /// <summary>Reads and loads the file at <paramref name="path"/>; an unreadable file is an error.</summary>
    public static ConfigLoadResult LoadFile(string path)
    {
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            var problems = new ConfigProblems();
            problems.Error("", $"cannot read the configuration file: {e.Message}");
            return Result(null, problems);
        }

        return Parse(json);
    }

    /// <summary>Loads a configuration from its JSON text.</summary>
    public static ConfigLoadResult Parse(string json)
    {
        var problems = new ConfigProblems();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, ConfigJson.DocumentOptions);
        }
        catch (JsonException e)
        {
            problems.Error("", InvalidJson(e));
            return Result(null, problems);
        }

        using (document)
        {
            var parsed = ServiceParser.Parse(document.RootElement, problems);
            if (parsed is null)
            {
                return Result(null, problems);
            }

            var config = ConfigCascade.Apply(parsed, problems);
            foreach (var validator in ConfigValidators.All)
            {
                validator.Validate(config, problems);
            }

            return problems.HasErrors ? Result(null, problems) : Result(EndpointMethodValidator.WithoutUnsupportedMethods(config), problems);
        }
    }

    // Shown once, one-based (System.Text.Json's own position is zero-based).
    private static string InvalidJson(JsonException e) =>
        $"invalid JSON at line {e.LineNumber + 1}, position {e.BytePositionInLine + 1}: {JsonErrorText.WithoutPosition(e)}";

    private static ConfigLoadResult Result(ServiceConfig? config, ConfigProblems problems) =>
        new() { Config = config, Errors = problems.Errors, Warnings = problems.Warnings };
}
