using Switchyard.Core.Agents;

namespace Switchyard.Functions.Cli;

/// <summary>How <c>switchyard send</c> reaches a Service Bus namespace: a connection string, or a namespace and an identity.</summary>
internal sealed record ServiceBusConnectionTarget(string Value, bool IsConnectionString)
{
    /// <summary>
    /// <c>--connection</c> or <c>--namespace</c> when given (not both), else the agent's connection setting as the
    /// Functions host reads it: a connection string, else <c>&lt;setting&gt;__fullyQualifiedNamespace</c>. Null with the
    /// reason when there is none.
    /// </summary>
    public static ServiceBusConnectionTarget? Resolve(ServiceBusDriverOptions serviceBus, string? connection, string? fullyQualifiedNamespace, out string problem)
    {
        problem = "";
        switch (connection, fullyQualifiedNamespace)
        {
            case ({ }, { }):
                problem = "give --connection or --namespace, not both";
                return null;
            case ({ } given, null):
                return new ServiceBusConnectionTarget(given, IsConnectionString: true);
            case (null, { } given):
                return new ServiceBusConnectionTarget(given, IsConnectionString: false);
        }

        if (Environment.GetEnvironmentVariable(serviceBus.Connection) is { Length: > 0 } connectionString)
        {
            return new ServiceBusConnectionTarget(connectionString, IsConnectionString: true);
        }

        if (Environment.GetEnvironmentVariable(serviceBus.Connection + "__" + ServiceBusPublisher.NamespaceSuffix) is { Length: > 0 } fromSetting)
        {
            return new ServiceBusConnectionTarget(fromSetting, IsConnectionString: false);
        }

        problem = $"no Service Bus connection: give --connection or --namespace, or set {serviceBus.Connection} "
            + $"(a connection string) or {serviceBus.Connection}__{ServiceBusPublisher.NamespaceSuffix}";
        return null;
    }
}
