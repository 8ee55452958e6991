using Switchyard.Core.Agents;
using Switchyard.Core.Configuration.Parsing;

namespace Switchyard.Core.Configuration.Validation;

/// <summary>
/// An agent has exactly one driver namespace in its <c>extra_config</c>: <c>async/amqp</c>, <c>async/memory</c>,
/// <c>async/servicebus</c> or <c>async/azure-queue</c>. An <c>async/amqp</c> one names its broker (an <c>amqp://</c> or
/// <c>amqps://</c> URL), queue and exchange, with prefetch values AMQP can carry; an <c>async/servicebus</c> one a queue
/// or else a topic and subscription; an <c>async/azure-queue</c> one its queue, with the <c>message_encoding</c> of every
/// other Storage queue agent (the Functions host decodes all of an app's queues alike); Azure names follow Azure's rules. Paths
/// name the namespace by its short name even when the file used the old one.
/// </summary>
internal sealed class AsyncAgentDriverValidator : IConfigValidator
{
    private const string Required = "required";

    private static readonly string[] DriverNamespaces =
    [
        NamespaceAliases.AsyncAmqp, MemoryDriverOptionsParser.Namespace, ServiceBusDriverOptionsParser.Namespace,
        AzureQueueDriverOptionsParser.Namespace,
    ];

    private static readonly string RequiredMessage =
        "a driver namespace is required: " + string.Join(", ", DriverNamespaces.Select(name => $"'{name}'"));

    public void Validate(ServiceConfig config, ConfigProblems problems)
    {
        foreach (var agent in config.AsyncAgents)
        {
            // The memory namespace has nothing to check: both its values have defaults.
            var extraConfig = agent.JsonPath + ".extra_config";
            var present = PresentDrivers(agent);
            if (present.Count > 1)
            {
                problems.Error(
                    extraConfig,
                    $"only one driver namespace is allowed, got {string.Join(", ", present.Select(name => $"'{name}'"))}");
            }
            else if (present.Count == 0 && !IsReported(extraConfig, problems))
            {
                problems.Error(extraConfig, RequiredMessage);
            }

            if (agent.Amqp is { } amqp)
            {
                Validate(amqp, JsonPaths.Property(extraConfig, NamespaceAliases.AsyncAmqp), problems);
            }

            if (agent.ServiceBus is { } serviceBus)
            {
                Validate(serviceBus, JsonPaths.Property(extraConfig, ServiceBusDriverOptionsParser.Namespace), problems);
            }

            if (agent.AzureQueue is { } azureQueue)
            {
                Validate(azureQueue, JsonPaths.Property(extraConfig, AzureQueueDriverOptionsParser.Namespace), problems);
            }
        }

        CheckOneEncoding(config.AsyncAgents, problems);
    }

    // host.json's messageEncoding is one setting for the whole app: a standalone gateway could honour two, a deployed
    // one could not, and the same file must mean the same thing in both.
    private static void CheckOneEncoding(IReadOnlyList<AsyncAgentConfig> agents, ConfigProblems problems)
    {
        var queues = agents.Where(agent => agent.AzureQueue is not null).ToList();
        foreach (var agent in queues.Skip(1).Where(agent => agent.AzureQueue!.MessageEncoding != queues[0].AzureQueue!.MessageEncoding))
        {
            problems.Error(
                JsonPaths.Property(JsonPaths.Property(agent.JsonPath + ".extra_config", AzureQueueDriverOptionsParser.Namespace), "message_encoding"),
                $"must be the same for every async/azure-queue agent (the Functions host decodes all of an app's queues alike): "
                + $"'{agent.AzureQueue!.MessageEncodingName}' here, '{queues[0].AzureQueue!.MessageEncodingName}' at {queues[0].JsonPath}");
        }
    }

    private static List<string> PresentDrivers(AsyncAgentConfig agent)
    {
        var present = new List<string>(1);
        if (agent.Amqp is not null)
        {
            present.Add(NamespaceAliases.AsyncAmqp);
        }

        if (agent.Memory is not null)
        {
            present.Add(MemoryDriverOptionsParser.Namespace);
        }

        if (agent.ServiceBus is not null)
        {
            present.Add(ServiceBusDriverOptionsParser.Namespace);
        }

        if (agent.AzureQueue is not null)
        {
            present.Add(AzureQueueDriverOptionsParser.Namespace);
        }

        return present;
    }

    /// <summary>
    /// True when the parser already reported why no driver was read: <c>extra_config</c> or a driver namespace that
    /// is not an object. Errors deeper in <c>extra_config</c> (a policy, say) are about something else.
    /// </summary>
    private static bool IsReported(string extraConfig, ConfigProblems problems)
    {
        var shown = JsonPaths.Display(extraConfig);
        foreach (var error in problems.Errors)
        {
            if (error.Path == shown)
            {
                return true;
            }
        }

        foreach (var name in DriverNamespaces)
        {
            if (problems.HasErrorAt(JsonPaths.Property(extraConfig, name)))
            {
                return true;
            }
        }

        return false;
    }

    private static void Validate(ServiceBusDriverOptions serviceBus, string path, ConfigProblems problems)
    {
        var hasQueue = !string.IsNullOrEmpty(serviceBus.Queue);
        var hasTopic = !string.IsNullOrEmpty(serviceBus.Topic);
        var hasSubscription = !string.IsNullOrEmpty(serviceBus.Subscription);
        if (hasQueue && (hasTopic || hasSubscription))
        {
            problems.Error(path, "set either 'queue' or 'topic' and 'subscription', not both");
        }
        else if (!hasQueue && !hasTopic && !hasSubscription && !HasValueError(path, problems, "queue", "topic", "subscription"))
        {
            problems.Error(path, "required: 'queue', or 'topic' and 'subscription'");
        }
        else if (!hasQueue && hasTopic != hasSubscription)
        {
            RequireAt(path + (hasTopic ? ".subscription" : ".topic"), problems);
        }

        CheckName(path + ".queue", serviceBus.Queue, AzureEntityNames.ServiceBusEntityProblem, problems);
        CheckName(path + ".topic", serviceBus.Topic, AzureEntityNames.ServiceBusEntityProblem, problems);
        CheckName(path + ".subscription", serviceBus.Subscription, AzureEntityNames.SubscriptionProblem, problems);
        CheckConnection(path, serviceBus.Connection, problems);
    }

    private static void Validate(AzureQueueDriverOptions azureQueue, string path, ConfigProblems problems)
    {
        if (azureQueue.Queue.Length == 0)
        {
            RequireAt(path + ".queue", problems);
        }

        CheckName(path + ".queue", azureQueue.Queue, AzureEntityNames.StorageQueueProblem, problems);
        CheckConnection(path, azureQueue.Connection, problems);
    }

    private static bool HasValueError(string path, ConfigProblems problems, params string[] keys)
    {
        foreach (var key in keys)
        {
            if (problems.HasErrorAt(path + "." + key))
            {
                return true;
            }
        }

        return false;
    }

    private static void CheckName(string path, string? name, Func<string, string?> problemOf, ConfigProblems problems)
    {
        if (!string.IsNullOrEmpty(name) && problemOf(name) is { } problem)
        {
            problems.Error(path, "invalid name " + problem);
        }
    }

    // The connection is the name of an app setting (or the prefix of its __fullyQualifiedNamespace form), never the
    // connection string itself: a secret has no place in the configuration file.
    private static void CheckConnection(string path, string connection, ConfigProblems problems)
    {
        var connectionPath = path + ".connection";
        if (connection.Length == 0)
        {
            problems.Error(connectionPath, "must name an app setting, got an empty string");
            return;
        }

        foreach (var c in connection)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('_' or '.' or '-' or ':'))
            {
                problems.Error(connectionPath, $"must name an app setting (letters, digits, '_', '.', '-', ':'), got '{connection}'");
                return;
            }
        }
    }

    private static void Validate(AmqpDriverOptions amqp, string path, ConfigProblems problems)
    {
        var hostPath = path + ".host";
        if (amqp.Host.Length == 0)
        {
            RequireAt(hostPath, problems);
        }
        else if (!Uri.TryCreate(amqp.Host, UriKind.Absolute, out var uri) || uri.Scheme is not ("amqp" or "amqps"))
        {
            problems.Error(hostPath, $"invalid host '{amqp.Host}': want an amqp:// or amqps:// URL");
        }

        if (amqp.Name.Length == 0)
        {
            RequireAt(path + ".name", problems);
        }

        if (amqp.Exchange.Length == 0)
        {
            RequireAt(path + ".exchange", problems);
        }

        // AMQP carries the count as a 16-bit and the size as a 32-bit unsigned number.
        if (amqp.PrefetchCount is < 0 or > ushort.MaxValue)
        {
            problems.Error(path + ".prefetch_count", $"prefetch_count must be between 0 and {ushort.MaxValue}, got {amqp.PrefetchCount}");
        }

        if (amqp.PrefetchSize < 0)
        {
            problems.Error(path + ".prefetch_size", $"prefetch_size must not be negative, got {amqp.PrefetchSize}");
        }
        else if (amqp.PrefetchSize > 0)
        {
            // KrakenD passes it on; RabbitMQ then closes the connection (540 NOT_IMPLEMENTED), and the agent never consumes.
            problems.Warning(path + ".prefetch_size", "RabbitMQ refuses a prefetch_size other than 0 (NOT_IMPLEMENTED) and closes the connection");
        }
    }

    private static void RequireAt(string path, ConfigProblems problems)
    {
        if (!problems.HasErrorAt(path))
        {
            problems.Error(path, Required);
        }
    }
}
