using Switchyard.Core.Agents;
using Switchyard.Core.Configuration.Parsing;

namespace Switchyard.Core.Configuration.Validation;

/// <summary>
/// An agent has exactly one driver namespace in its <c>extra_config</c>, <c>async/amqp</c> or <c>async/memory</c>, and
/// an <c>async/amqp</c> one names its broker (an <c>amqp://</c> or <c>amqps://</c> URL), queue and exchange, with
/// prefetch values AMQP can carry. Paths name the namespace by its short name even when the file used the old one.
/// </summary>
internal sealed class AsyncAgentDriverValidator : IConfigValidator
{
    private const string Required = "required";

    public void Validate(ServiceConfig config, ConfigProblems problems)
    {
        foreach (var agent in config.AsyncAgents)
        {
            // The memory namespace has nothing to check: both its values have defaults.
            var extraConfig = agent.JsonPath + ".extra_config";
            var amqpPath = JsonPaths.Property(extraConfig, NamespaceAliases.AsyncAmqp);
            var memoryPath = JsonPaths.Property(extraConfig, MemoryDriverOptionsParser.Namespace);
            if (agent.Amqp is { } amqp)
            {
                if (agent.Memory is not null)
                {
                    problems.Error(
                        extraConfig,
                        $"only one driver namespace is allowed, got both '{NamespaceAliases.AsyncAmqp}' and '{MemoryDriverOptionsParser.Namespace}'");
                }

                Validate(amqp, amqpPath, problems);
            }
            else if (agent.Memory is null && !IsReported(extraConfig, amqpPath, memoryPath, problems))
            {
                problems.Error(
                    extraConfig,
                    $"a driver namespace is required: '{NamespaceAliases.AsyncAmqp}' or '{MemoryDriverOptionsParser.Namespace}'");
            }
        }
    }

    /// <summary>
    /// True when the parser already reported why no driver was read: <c>extra_config</c> or a driver namespace that
    /// is not an object. Errors deeper in <c>extra_config</c> (a policy, say) are about something else.
    /// </summary>
    private static bool IsReported(string extraConfig, string amqpPath, string memoryPath, ConfigProblems problems)
    {
        var shown = JsonPaths.Display(extraConfig);
        foreach (var error in problems.Errors)
        {
            if (error.Path == shown)
            {
                return true;
            }
        }

        return problems.HasErrorAt(amqpPath) || problems.HasErrorAt(memoryPath);
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
