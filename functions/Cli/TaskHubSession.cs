using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging.Abstractions;
using Switchyard.Core.Configuration;
using Switchyard.Core.Configuration.Flexible;
using Switchyard.Core.Durable;
using Switchyard.Functions.Durable;

namespace Switchyard.Functions.Cli;

/// <summary>
/// What every <c>switchyard workflows</c> command does around its own work: loads the configuration as <c>check</c> does,
/// opens the task hub of its <c>switchyard/durable</c> engine (the storage client alone, no worker), and turns a
/// configuration without an engine or a connection, a connection string it cannot read, or a storage that cannot be
/// reached, into one message and exit code 1.
/// </summary>
internal static class TaskHubSession
{
    /// <summary>Runs <paramref name="operation"/> on the task hub of the configuration at <paramref name="configPath"/>.</summary>
    public static async Task<int> RunAsync(
        string configPath, TextWriter errors, Func<DurableAdministration, ServiceConfig, Task<int>> operation)
    {
        // The AOT compiler reads this as false and leaves the task hub's client out of the binary.
        if (!RuntimeFeature.IsDynamicCodeSupported)
        {
            await errors.WriteLineAsync($"error: {NativeAotDurable.Refusal("switchyard workflows")}").ConfigureAwait(false);
            return 1;
        }

        var loaded = FlexibleConfigLoader.LoadFile(configPath, FlexibleConfigOptions.FromEnvironment(Environment.GetEnvironmentVariable), Environment.GetEnvironmentVariable);
        if (loaded.Config is not { } config)
        {
            ConfigReport.Write(loaded, configPath, errors);
            return 1;
        }

        if (config.Durable is not { } engine)
        {
            await errors.WriteLineAsync(
                $"error: {configPath} has no durable engine: add the service's {DurableEngineOptions.JsonPath} with its connection").ConfigureAwait(false);
            return 1;
        }

        if (!DurableAdministration.HasConnection(engine))
        {
            await errors.WriteLineAsync(
                $"error: {DurableEngineOptions.JsonPath}.connection is empty and {DurableEngineOptions.ConnectionVariable} is not set: "
                    + "give the Azure Storage of the task hub").ConfigureAwait(false);
            return 1;
        }

        using var taskHub = await OpenAsync(engine, errors).ConfigureAwait(false);
        if (taskHub is null)
        {
            return 1;
        }

        try
        {
            return await operation(taskHub, config).ConfigureAwait(false);
        }
        catch (Exception exception) when (IsStorageFailure(exception))
        {
            // The connection string is never printed: it holds the account key. The cause's first line says what failed.
            var message = Cause(exception).Message.Split('\n', 2)[0].Trim();
            await errors.WriteLineAsync($"error: task hub '{taskHub.TaskHub}': {message}").ConfigureAwait(false);
            return 1;
        }
    }

    private static async Task<DurableAdministration?> OpenAsync(DurableEngineOptions engine, TextWriter errors)
    {
        try
        {
            return new DurableAdministration(engine, NullLoggerFactory.Instance);
        }
        catch (FormatException exception)
        {
            // The storage clients read the connection string here; its value is never printed (it holds the key).
            var source = string.IsNullOrEmpty(Environment.GetEnvironmentVariable(DurableEngineOptions.ConnectionVariable))
                ? DurableEngineOptions.JsonPath + ".connection"
                : DurableEngineOptions.ConnectionVariable;
            await errors.WriteLineAsync($"error: {source}: not an Azure Storage connection string: {exception.Message}").ConfigureAwait(false);
            return null;
        }
    }

    // The engine wraps the storage's exceptions in its own (internal) ones: the cause is looked for down the chain.
    private static bool IsStorageFailure(Exception? exception) => exception switch
    {
        null => false,
        Azure.RequestFailedException or Azure.Identity.AuthenticationFailedException or HttpRequestException or IOException => true,
        _ => IsStorageFailure(exception.InnerException),
    };

    // The storage's answer (a status and its error code), or the HTTP failure that names the address, else the
    // innermost failure: past the engine's wrappers and the SDK's "retry failed after 6 tries" around them.
    private static Exception Cause(Exception exception) => exception switch
    {
        Azure.RequestFailedException { Status: > 0 } answered => answered,
        HttpRequestException unreachable => unreachable,
        AggregateException { InnerExceptions: [.., var last] } => Cause(last),
        { InnerException: { } inner } => Cause(inner),
        _ => exception,
    };
}
