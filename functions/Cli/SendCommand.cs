using System.CommandLine;
using Switchyard.Core.Agents;
using Switchyard.Core.Configuration;
using Switchyard.Core.Configuration.Flexible;
using Switchyard.Core.Telemetry.Tracing;

namespace Switchyard.Functions.Cli;

/// <summary>
/// <c>switchyard send --agent NAME [-c FILE] [--routing-key K] [--header N=V]... [--content-type T] (--data JSON | --file F)</c>:
/// publishes one message where the agent consumes it, whatever its driver — to its RabbitMQ exchange, to its Service
/// Bus queue or topic, to its Storage queue, or for an <c>async/memory</c> agent to the running gateway's embedded
/// broker through the admin endpoint (<c>--gateway</c>, default the configuration's port on loopback). Service Bus
/// and Storage are reached through <c>--connection</c> (or <c>--namespace</c>), else the app settings the agent's
/// <c>connection</c> names, as the Functions host reads them.
/// </summary>
internal static class SendCommand
{
    public static Command Create()
    {
        var agent = new Option<string>("--agent") { Description = "The agent whose broker receives the message.", Required = true };
        var config = ConfigFileOption.Create();
        var routingKey = new Option<string?>("--routing-key") { Description = "The routing key, a Service Bus message's subject (default: the agent's topic when it has no wildcard)." };
        var data = new Option<string?>("--data") { Description = "The message body." };
        var file = new Option<FileInfo?>("--file") { Description = "A file holding the message body." };
        var header = new Option<string[]>("--header") { Description = "A message header, NAME=VALUE (AMQP headers, Service Bus application properties); repeatable." };
        var contentType = new Option<string?>("--content-type") { Description = $"The message's content type (default: {OutgoingMessage.DefaultContentType})." };
        var connection = new Option<string?>("--connection") { Description = "async/servicebus: a connection string; async/azure-queue: a connection string, an account name or its queue service URL (default: the agent's connection app setting)." };
        var serviceBusNamespace = new Option<string?>("--namespace") { Description = "async/servicebus: the namespace (NAME.servicebus.windows.net), reached with DefaultAzureCredential." };
        var gateway = new Option<Uri?>("--gateway") { Description = "The running gateway, for async/memory agents (default: http://127.0.0.1:<port>)." };
        var command = new Command("send", "Publish a message to an agent's broker.")
        {
            agent, config, routingKey, data, file, header, contentType, connection, serviceBusNamespace, gateway,
        };
        command.SetAction((result, cancellationToken) => SendAsync(
            new SendRequest(
                result.GetValue(agent)!,
                ConfigFileOption.Resolve(result.GetValue(config)),
                result.GetValue(routingKey),
                result.GetValue(data),
                result.GetValue(file),
                result.GetValue(gateway))
            {
                Headers = result.GetValue(header) ?? [],
                ContentType = result.GetValue(contentType),
                Connection = result.GetValue(connection),
                Namespace = result.GetValue(serviceBusNamespace),
            },
            Console.Out,
            Console.Error,
            cancellationToken));
        return command;
    }

    public static async Task<int> SendAsync(SendRequest request, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        var loaded = FlexibleConfigLoader.LoadFile(request.ConfigPath, FlexibleConfigOptions.FromEnvironment(Environment.GetEnvironmentVariable), Environment.GetEnvironmentVariable);
        if (loaded.Config is not { } config)
        {
            ConfigReport.Write(loaded, request.ConfigPath, errors);
            return 1;
        }

        var agent = config.AsyncAgents.FirstOrDefault(a => a.Name == request.Agent);
        if (agent is null)
        {
            await errors.WriteLineAsync($"error: no agent named '{request.Agent}' in {request.ConfigPath}").ConfigureAwait(false);
            return 1;
        }

        if ((request.Data is null) == (request.File is null))
        {
            await errors.WriteLineAsync("error: give the message with exactly one of --data or --file").ConfigureAwait(false);
            return 1;
        }

        if (Inapplicable(agent, request) is { } inapplicable)
        {
            await errors.WriteLineAsync("error: " + inapplicable).ConfigureAwait(false);
            return 1;
        }

        var body = request.Data is not null
            ? System.Text.Encoding.UTF8.GetBytes(request.Data)
            : await File.ReadAllBytesAsync(request.File!.FullName, cancellationToken).ConfigureAwait(false);
        try
        {
            var outcome = agent.AzureQueue is { } azureQueue
                ? await PublishAsync(azureQueue, request, body, cancellationToken).ConfigureAwait(false)
                : await PublishAsync(config, agent, request, body, cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync(outcome).ConfigureAwait(false);
            return 0;
        }
        catch (SendRefusedException refused)
        {
            await errors.WriteLineAsync("error: " + refused.Message).ConfigureAwait(false);
            return 1;
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException or InvalidOperationException
            or FormatException or ArgumentException or UnauthorizedAccessException
            or Azure.RequestFailedException or Azure.Messaging.ServiceBus.ServiceBusException or Azure.Identity.AuthenticationFailedException
            or RabbitMQ.Client.Exceptions.BrokerUnreachableException or RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            await errors.WriteLineAsync("error: " + ErrorText(exception)).ConfigureAwait(false);
            return 1;
        }
    }

    private static Task<string> PublishAsync(AzureQueueDriverOptions azureQueue, SendRequest request, byte[] body, CancellationToken cancellationToken)
    {
        return StorageQueuePublisher.PublishAsync(azureQueue, request.Connection, body, cancellationToken);
    }

    private static async Task<string> PublishAsync(ServiceConfig config, AsyncAgentConfig agent, SendRequest request, byte[] body, CancellationToken cancellationToken)
    {
        var routingKey = request.RoutingKey ?? Admin.RoutingKeys.DefaultFor(agent)
            ?? throw new SendRefusedException($"the topic '{agent.Consumer.Topic}' has wildcards: give --routing-key");
        if (Headers(request.Headers, out var problem) is not { } headers)
        {
            throw new SendRefusedException(problem);
        }

        // Run inside a traced process (a script, a job), the message carries its span: the agent's trace continues it.
        MessageTraceContext.AddCurrent(headers);
        var message = new OutgoingMessage(body, routingKey, request.ContentType ?? OutgoingMessage.DefaultContentType, headers);
        if (agent.ServiceBus is { } serviceBus)
        {
            var target = ServiceBusConnectionTarget.Resolve(serviceBus, request.Connection, request.Namespace, out problem)
                ?? throw new SendRefusedException(problem);
            return await ServiceBusPublisher.PublishAsync(serviceBus, target, message, cancellationToken).ConfigureAwait(false);
        }

        return agent.Amqp is { } amqp
            ? await AmqpPublisher.PublishAsync(amqp, message, cancellationToken).ConfigureAwait(false)
            : await GatewayPublisher.PublishAsync(config, agent, request.Gateway, message, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// An error in one line. The Azure SDKs' messages name hosts, entities and error codes, never a key or a signature,
    /// but go on with response headers or a stack trace: their first line, with the status or reason, says it.
    /// </summary>
    private static string ErrorText(Exception exception)
    {
        var firstLine = exception.Message.Split('\n', 2)[0].TrimEnd();
        return exception switch
        {
            Azure.RequestFailedException failed => $"{failed.Status} {failed.ErrorCode}: {firstLine}",
            Azure.Messaging.ServiceBus.ServiceBusException serviceBus => $"{serviceBus.Reason}: {firstLine}",
            _ => exception.Message,
        };
    }

    /// <summary>Why an option given does not apply to the agent's driver, or null when all do.</summary>
    private static string? Inapplicable(AsyncAgentConfig agent, SendRequest request)
    {
        if (agent.AzureQueue is not null)
        {
            return request.RoutingKey is null && request.Headers.Count == 0 && request.ContentType is null && request.Namespace is null
                ? null
                : "a Storage queue message carries only its body: --routing-key, --header, --content-type and --namespace do not apply";
        }

        if (agent.ServiceBus is not null)
        {
            return null;
        }

        if (request.Connection is not null || request.Namespace is not null)
        {
            return "--connection and --namespace are for async/servicebus and async/azure-queue agents: "
                + "an async/amqp agent's broker is its host, an async/memory agent's the running gateway";
        }

        return agent.Memory is not null && request.Headers.Count > 0
            ? "the embedded broker's admin endpoint takes no headers: --header applies to async/amqp and async/servicebus agents"
            : null;
    }

    /// <summary>The <c>NAME=VALUE</c> headers, or null with the reason when one is not of that form.</summary>
    private static Dictionary<string, string>? Headers(IReadOnlyList<string> given, out string problem)
    {
        problem = "";
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in given)
        {
            var equals = header.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                problem = $"--header '{header}' is not NAME=VALUE";
                return null;
            }

            headers[header[..equals]] = header[(equals + 1)..];
        }

        return headers;
    }
}

/// <summary>The arguments of <c>switchyard send</c>.</summary>
internal sealed record SendRequest(string Agent, string ConfigPath, string? RoutingKey, string? Data, FileInfo? File, Uri? Gateway)
{
    /// <summary>The <c>NAME=VALUE</c> headers (<c>--header</c>).</summary>
    public IReadOnlyList<string> Headers { get; init; } = [];

    /// <summary>The content type (<c>--content-type</c>), or null for <see cref="OutgoingMessage.DefaultContentType"/>.</summary>
    public string? ContentType { get; init; }

    /// <summary>The Service Bus or Storage connection (<c>--connection</c>), or null for the agent's app setting.</summary>
    public string? Connection { get; init; }

    /// <summary>The Service Bus namespace (<c>--namespace</c>), reached with <c>DefaultAzureCredential</c>.</summary>
    public string? Namespace { get; init; }
}
