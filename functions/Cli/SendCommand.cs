using System.CommandLine;
using Switchyard.Core.Agents;
using Switchyard.Core.Configuration;

namespace Switchyard.Functions.Cli;

/// <summary>
/// <c>switchyard send --agent NAME [-c FILE] [--routing-key K] (--data JSON | --file F)</c>: publishes one message where
/// the agent consumes it — to its RabbitMQ exchange, or for an <c>async/memory</c> agent to the running gateway's
/// embedded broker through the admin endpoint (<c>--gateway</c>, default the configuration's port on loopback).
/// </summary>
internal static class SendCommand
{
    public static Command Create()
    {
        var agent = new Option<string>("--agent") { Description = "The agent whose broker receives the message.", Required = true };
        var config = ConfigFileOption.Create();
        var routingKey = new Option<string?>("--routing-key") { Description = "The routing key (default: the agent's topic when it has no wildcard)." };
        var data = new Option<string?>("--data") { Description = "The message body." };
        var file = new Option<FileInfo?>("--file") { Description = "A file holding the message body." };
        var gateway = new Option<Uri?>("--gateway") { Description = "The running gateway, for async/memory agents (default: http://127.0.0.1:<port>)." };
        var command = new Command("send", "Publish a message to an agent's broker.") { agent, config, routingKey, data, file, gateway };
        command.SetAction((result, cancellationToken) => SendAsync(
            new SendRequest(
                result.GetValue(agent)!,
                ConfigFileOption.Resolve(result.GetValue(config)),
                result.GetValue(routingKey),
                result.GetValue(data),
                result.GetValue(file),
                result.GetValue(gateway)),
            Console.Out,
            Console.Error,
            cancellationToken));
        return command;
    }

    public static async Task<int> SendAsync(SendRequest request, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        var loaded = ConfigLoader.LoadFile(request.ConfigPath);
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

        var body = request.Data is not null
            ? System.Text.Encoding.UTF8.GetBytes(request.Data)
            : await File.ReadAllBytesAsync(request.File!.FullName, cancellationToken).ConfigureAwait(false);
        var routingKey = request.RoutingKey ?? Admin.RoutingKeys.DefaultFor(agent);
        if (routingKey is null)
        {
            await errors.WriteLineAsync($"error: the topic '{agent.Consumer.Topic}' has wildcards: give --routing-key").ConfigureAwait(false);
            return 1;
        }

        try
        {
            var outcome = agent.Amqp is { } amqp
                ? await AmqpPublisher.PublishAsync(amqp, routingKey, body, cancellationToken).ConfigureAwait(false)
                : await GatewayPublisher.PublishAsync(config, agent, request.Gateway, routingKey, body, cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync(outcome).ConfigureAwait(false);
            return 0;
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException or InvalidOperationException
            or RabbitMQ.Client.Exceptions.BrokerUnreachableException or RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            await errors.WriteLineAsync($"error: {exception.Message}").ConfigureAwait(false);
            return 1;
        }
    }
}

/// <summary>The arguments of <c>switchyard send</c>.</summary>
internal sealed record SendRequest(string Agent, string ConfigPath, string? RoutingKey, string? Data, FileInfo? File, Uri? Gateway);
