using System.Text.Json.Nodes;
using Switchyard.Core.Agents;
using Switchyard.Core.Configuration;
using Switchyard.Functions.Serverless;

namespace Switchyard.Functions.Packaging;

/// <summary>
/// Every generated file of a function app for one configuration, built in memory so nothing is written when there is
/// an error: <c>host.json</c>, one HTTP function per endpoint (<see cref="EndpointFunction"/>) and the catch-all, one
/// trigger function per agent the host feeds, <c>local.settings.json</c>, the Bicep parameters (with the durable engine's,
/// <see cref="PackagedDurable"/>) as JSON and as a <c>.bicepparam</c>, and the package's README. The published executable,
/// the configuration and the local files it reads (<see cref="PackagedFiles"/>) and the Bicep templates are added when the
/// package is written (<see cref="PackageWriter"/>).
/// </summary>
internal sealed record FunctionAppPackage
{
    public required IReadOnlyList<PackageFile> Files { get; init; }

    /// <summary>The functions of the app: the endpoints' in the host's order, the catch-all, then the agents'.</summary>
    public required IReadOnlyList<string> Functions { get; init; }

    /// <summary>Endpoints and agents that get no function of their own, and why.</summary>
    public required IReadOnlyList<string> Warnings { get; init; }

    /// <summary>Problems that stop packaging.</summary>
    public required IReadOnlyList<string> Errors { get; init; }

    /// <summary>What applies differently in a function app (<c>tls</c>, durable pipes), said once when packaging.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>
    /// Files of the configuration's folder (<see cref="PackagedFiles"/>) copied into the app folder at the same
    /// relative path, with <c>/</c> separators.
    /// </summary>
    public IReadOnlyList<string> AppFiles { get; init; } = [];

    public static FunctionAppPackage Create(ServiceConfig config, JsonObject hostTemplate, string appName)
    {
        var warnings = new List<string>();
        var errors = new List<string>();
        if (!IsAppName(appName))
        {
            errors.Add($"'{appName}' cannot name a function app: use 2 to 60 letters, digits and hyphens, starting and ending with a letter or digit");
        }

        var endpointFunctions = EndpointFunction.Of(config.Endpoints, warnings);
        var functions = new List<string>([.. endpointFunctions.Select(f => f.Name), FunctionNames.CatchAll]);
        var files = new List<PackageFile> { Json(PackageLayout.HostJson, HostJson.Build(hostTemplate, config.AsyncAgents)) };
        files.AddRange(endpointFunctions.Select(f => Json(PackageLayout.FunctionJsonOf(f.Name), FunctionJson.ForEndpoint(f))));
        files.Add(Json(PackageLayout.FunctionJsonOf(FunctionNames.CatchAll), FunctionJson.CatchAll()));

        var owners = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var agent in config.AsyncAgents)
        {
            if (FunctionJson.ForAgent(agent) is not { } function)
            {
                warnings.Add($"{agent.JsonPath}: agent '{agent.Name}' gets no function: its async/memory broker lives inside "
                    + "each instance of the app, so only messages published to that instance reach it");
                continue;
            }

            // Function names are case-insensitive folder names; distinct agent names can still end up as one.
            var name = FunctionNames.For(agent);
            if (owners.TryGetValue(name, out var owner))
            {
                errors.Add($"{agent.JsonPath}: agent '{agent.Name}' would be the function '{name}', already taken by {owner}: rename one of them");
                continue;
            }

            if (Missing(agent) is { } missing)
            {
                errors.Add($"{agent.JsonPath}: agent '{agent.Name}' has no {missing}: its trigger cannot be written");
                continue;
            }

            if (agent.Amqp is not null)
            {
                warnings.Add($"{agent.JsonPath}: agent '{agent.Name}' uses a rabbitMQTrigger, which runs on Elastic Premium and "
                    + "Dedicated plans only, not on the Flex Consumption plan bicep/main.bicep deploys");
            }

            owners[name] = $"agent '{agent.Name}'";
            functions.Add(name);
            files.Add(Json(PackageLayout.FunctionJsonOf(name), function));
        }

        var appFiles = PackagedFiles.Of(config, errors);
        var durable = PackagedDurable.Of(config, errors);
        files.Add(Json(PackageLayout.LocalSettings, LocalSettings.Build(config.AsyncAgents, durable is not null)));
        var parameters = BicepParameters.Build(appName, config.AsyncAgents, config.Tls, durable);
        files.Add(Json(PackageLayout.BicepParameters, parameters));
        files.Add(new PackageFile(PackageLayout.BicepParamFile, BicepParamFile.Write(parameters["parameters"]!.AsObject())));
        files.Add(new PackageFile(PackageLayout.Readme, PackageReadme.Write(appName, config.AsyncAgents, durable)));
        return new FunctionAppPackage
        {
            Files = files,
            Functions = functions,
            Warnings = warnings,
            Errors = errors,
            Notes = [.. new[] { PackagedTls.Note(config), durable?.Note }.OfType<string>()],
            AppFiles = appFiles,
        };
    }

    /// <summary>The entity a trigger needs and the agent does not name, or null.</summary>
    private static string? Missing(AsyncAgentConfig agent) => agent switch
    {
        { ServiceBus: { } sb } when string.IsNullOrEmpty(sb.Queue) && (string.IsNullOrEmpty(sb.Topic) || string.IsNullOrEmpty(sb.Subscription))
            => "Service Bus queue, nor topic and subscription",
        { AzureQueue.Queue.Length: 0 } => "storage queue",
        { Amqp.Name.Length: 0 } => "AMQP queue name",
        _ => null,
    };

    /// <summary>Azure's rule for a function app's name, which is also its <c>*.azurewebsites.net</c> host name.</summary>
    private static bool IsAppName(string name) =>
        name.Length is >= 2 and <= 60
        && char.IsAsciiLetterOrDigit(name[0])
        && char.IsAsciiLetterOrDigit(name[^1])
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    private static PackageFile Json(string path, JsonNode node) => new(path, PackageJson.Write(node));
}
