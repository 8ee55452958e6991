using System.Text.RegularExpressions;
using Switchyard.Core.Configuration.Parsing;
using Switchyard.Core.Durable;

namespace Switchyard.Core.Configuration.Validation;

/// <summary>
/// Durable pipes: one needs the service's engine (with a connection, in the file or <c>SWITCHYARD_DURABLE_CONNECTION</c>),
/// the engine's settings are in range and its visibility timeout outlasts the longest step (else a slow step is handed
/// to a second process), a durable pipe streams nothing (<c>no-op</c> answers cannot be recorded in its history), and a
/// step's <c>retry</c> and <c>compensate</c> are in range and only where a durable pipe runs them.
/// </summary>
internal sealed partial class DurableValidator : IConfigValidator
{
    private const string Namespace = DurableOptionsParser.Namespace;

    public void Validate(ServiceConfig config, ConfigProblems problems)
    {
        var durablePipes = EndpointNode.All(config).Where(node => node.Endpoint.IsDurable).ToList();
        if (config.Durable is { } engine)
        {
            ValidateEngine(engine, durablePipes, problems);
        }
        else
        {
            foreach (var node in durablePipes.Where(node => node.Endpoint.ExtraConfig.ContainsKey(Namespace)))
            {
                problems.Error(
                    OptInPath(node),
                    "a durable pipe needs the engine: add the service's extra_config.switchyard/durable with its connection");
            }
        }

        foreach (var node in EndpointNode.All(config))
        {
            foreach (var backend in node.Endpoint.Backends)
            {
                ValidateStep(backend, node.Endpoint.IsDurable, problems);
                if (node.Endpoint.IsDurable && backend.Encoding == EncodingNames.NoOp)
                {
                    problems.Error(
                        backend.JsonPath + ".encoding",
                        "a durable pipe cannot stream a no-op answer: every step's answer is recorded in the flow's history");
                }
            }
        }
    }

    private static void ValidateEngine(DurableEngineOptions engine, List<EndpointNode> durablePipes, ConfigProblems problems)
    {
        var path = DurableEngineOptions.JsonPath;
        var connection = DurableStorage.Connection(engine);
        if (durablePipes.Count > 0 && connection.Length == 0)
        {
            problems.Error(
                path + ".connection",
                $"required: the Azure Storage the durable pipes run on (a connection string, UseDevelopmentStorage=true, an account name "
                    + $"or URL for the managed identity), or {DurableEngineOptions.ConnectionVariable}");
        }
        else if (connection.Length > 0 && StorageAccountAddress.Parse(connection, out var problem) is null)
        {
            // The value itself is not repeated: a connection string holds a key.
            var from = connection == engine.Connection ? "" : $"(from {DurableEngineOptions.ConnectionVariable}) ";
            problems.Error(path + ".connection", from + problem);
        }

        if (!TaskHubPattern().IsMatch(engine.TaskHub))
        {
            problems.Error(path + ".task_hub", $"must be 3 to 45 letters or digits starting with a letter, got '{engine.TaskHub}'");
        }

        Range(engine.Partitions, 1, 16, path + ".partitions", problems);
        Range(engine.MaxConcurrentActivities, 1, 1000, path + ".max_concurrent_activities", problems);
        Range(engine.MaxConcurrentOrchestrations, 1, 1000, path + ".max_concurrent_orchestrations", problems);
        Range(engine.QueuePolling, TimeSpan.FromMilliseconds(10), TimeSpan.FromSeconds(30), path + ".queue_polling", problems);
        Range(engine.StatusPolling, TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(1), path + ".status_polling", problems);
        Range(engine.LeaseInterval, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1), path + ".lease_interval", problems);

        var longest = durablePipes.SelectMany(node => node.Endpoint.Backends).Select(backend => backend.Timeout).DefaultIfEmpty().Max();
        if (engine.VisibilityTimeout <= longest)
        {
            problems.Error(
                path + ".visibility_timeout",
                $"must exceed the longest durable step ({GoDurationFormat.Format(longest)}), got {GoDurationFormat.Format(engine.VisibilityTimeout)}: "
                    + "a step still running when it expires is handed to a second process");
        }
    }

    private static void ValidateStep(BackendConfig backend, bool inDurablePipe, ConfigProblems problems)
    {
        if (backend.Durable is not { } step)
        {
            return;
        }

        var path = JsonPaths.Property(backend.JsonPath + ".extra_config", Namespace);
        if (!inDurablePipe)
        {
            problems.Error(path, "retry and compensate run only in a durable pipe: add switchyard/durable to its endpoint, workflow or agent");
            return;
        }

        if (step.Retry is { } retry)
        {
            var retryPath = path + ".retry";
            Range(retry.MaxAttempts, 1, 100, retryPath + ".max_attempts", problems);
            Range(retry.BackoffCoefficient, 1, 10, retryPath + ".backoff_coefficient", problems);
            Range(retry.FirstDelay, TimeSpan.FromMilliseconds(1), TimeSpan.FromDays(7), retryPath + ".first_delay", problems);
            Range(retry.MaxDelay, retry.FirstDelay, TimeSpan.FromDays(7), retryPath + ".max_delay", problems);
            for (var i = 0; i < retry.Statuses.Count; i++)
            {
                Range(retry.Statuses[i], 100, 599, JsonPaths.Index(retryPath + ".statuses", i), problems);
            }
        }

        if (step.Compensate is { } compensate && (compensate.Workflow is not null || compensate.Encoding == EncodingNames.NoOp))
        {
            problems.Error(path + ".compensate", "a compensation is one backend call: no workflow and no no-op encoding");
        }
    }

    private static string OptInPath(EndpointNode node) => JsonPaths.Property(node.Endpoint.JsonPath + ".extra_config", Namespace);

    private static void Range<T>(T value, T min, T max, string path, ConfigProblems problems)
        where T : IComparable<T>
    {
        if (value.CompareTo(min) < 0 || value.CompareTo(max) > 0)
        {
            problems.Error(path, $"must be between {Text(min)} and {Text(max)}, got {Text(value)}");
        }
    }

    private static string Text<T>(T value) => value is TimeSpan span ? GoDurationFormat.Format(span) : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!;

    [GeneratedRegex("^[a-zA-Z][a-zA-Z0-9]{2,44}$")]
    private static partial Regex TaskHubPattern();
}
