using System.Globalization;
using System.Text;
using Switchyard.Core.Agents;
using Switchyard.Core.Durable;
using Switchyard.Functions.Serverless;

namespace Switchyard.Functions.Packaging;

/// <summary>
/// The package's <c>README.md</c>: what each file is, and how the agents' settings became host settings, since JSON
/// files the host validates cannot carry the explanation themselves.
/// </summary>
internal static class PackageReadme
{
    public static string Write(string appName, IReadOnlyList<AsyncAgentConfig> agents, PackagedDurable? durable = null)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"""
            # {appName}: a Switchyard function app

            | path | what it is |
            | --- | --- |
            | `host.json` | the custom handler (`{PackageLayout.Executable}` started as `run -c {PackageLayout.ConfigName}` in `{PackageLayout.AppFolder}/`), HTTP proxying, no `/api` prefix, extension bundle `{HostJson.BundleVersion}`, trigger settings |
            | `<method>_<path>/function.json` | one HTTP function per endpoint, on its route and method (`get_users__id` for `GET /users/{"{id}"}`), proxied to the gateway unchanged (`authLevel: anonymous`: the gateway's own policies apply) |
            | `{FunctionNames.CatchAll}/function.json` | every other request, any method and path (`/__health`, `/__debug/`, preflights, 404s), proxied the same way |
            | `agent_*/function.json` | one trigger per agent; the host POSTs each message to `/<function name>` |
            | `{PackageLayout.AppFolder}/` | the self-contained linux-x64 executable and `{PackageLayout.ConfigName}` |
            | `{PackageLayout.LocalSettings}` | settings for `func start`, with placeholders for the connections (never deployed) |
            | `{PackageLayout.BicepParameters}` | parameters for `{PackageLayout.Template}`: the app name, one queue per agent, `durable` for durable pipes (never deployed) |
            | `{PackageLayout.BicepParamFile}` | the same parameters as a Bicep parameters file for `{PackageLayout.Template}` (never deployed) |
            | `{PackageLayout.TemplateFolder}/` | the Bicep templates of the app's infrastructure (never deployed): `az deployment group create -g <group> -p {PackageLayout.BicepParamFile}` |

            Deploy the zip (`az functionapp deployment source config-zip -g <group> -n <app> --src <dir>.zip`) or this
            folder (`func azure functionapp publish <app>`); the zip keeps `{PackageLayout.Executable}` executable.

            ## HTTP functions

            Each endpoint has its own function so that Application Insights shows its invocations, failures and
            durations apart from the others. Whatever function the host picks, it proxies the original request (path
            and query) to the same gateway, whose router chooses the endpoint. The host tries routes in the order of
            the function names, so names sort a literal segment before a parameter (`_<name>`) before a catch-all
            (`___all`), as the gateway's router does, and `{FunctionNames.CatchAll}` after every endpoint. A name longer than
            {FunctionNames.MaxLength} characters, or shared by two endpoints, ends with `_` and 8 hex digits of a hash of the
            method and path. `/`, and paths starting with `admin` or `runtime` (the host's own), have no function of
            their own: `{FunctionNames.CatchAll}` serves them.

            ## How the agents' settings map to the host

            Trigger settings in `host.json` apply to every function of their kind, so when agents differ the largest
            value is used.

            - `consumer.workers` → Service Bus `maxConcurrentCalls`; Storage queues `batchSize` (at most {HostJson.MaxQueueBatchSize}; the
              host fetches the next batch when `newBatchThreshold`, half the batch by default, is left, so up to
              1.5 × `batchSize` messages run at once per instance); RabbitMQ `prefetchCount` comes from `async/amqp`
              `prefetch_count` when it is set.
            - `consumer.max_deliveries` → Service Bus: the queue's or subscription's `maxDeliveryCount` (Bicep parameter,
              {BicepParameters.DefaultMaxDeliveryCount} when unset), after which the broker dead-letters the message; Storage queues: `maxDequeueCount`
              in `host.json` (the extension's default 5 when unset), after which the message moves to `<queue>-poison`;
              RabbitMQ: fixed by the extension at 5 attempts, after which the message is rejected to the queue's
              dead-letter exchange, if the broker has one.
            - A message is completed when the handler answers 2xx and abandoned (retried) otherwise: a custom handler
              cannot settle messages itself (`autoCompleteMessages: true`).
            - Storage queue messages are decoded as `async/azure-queue` `message_encoding` says, the same in every agent
              (`messageEncoding` in `host.json`): `base64` by default, as the extension expects and as the standalone
              gateway reads them; `none` for producers that send plain text (Storage SDK v12 clients do unless told
              to encode).
            - Every trigger binds `dataType: binary`: the handler gets the message's exact bytes.

            """);

        var notes = new List<string>();
        foreach (var agent in agents)
        {
            if (agent.Memory is not null)
            {
                notes.Add($"- `{agent.Name}` (`async/memory`) has no function: its broker lives inside each instance of the app.");
            }
            else if (agent.Amqp is not null)
            {
                notes.Add($"- `{FunctionNames.For(agent)}` (`async/amqp`) uses a `rabbitMQTrigger`: it runs on Elastic Premium and "
                    + "Dedicated plans only, not on Consumption or Flex Consumption. Its queue must exist, and "
                    + $"`{FunctionJson.RabbitMqConnectionSetting}` must hold the broker's `amqp://` URI.");
            }
        }

        if (notes.Count > 0)
        {
            text.Append("## Agents to note\n\n");
            foreach (var note in notes)
            {
                text.Append(note).Append('\n');
            }
        }

        if (durable is not null)
        {
            var account = durable.StorageAccount is { } name ? $"the storage account `{name}`" : "the app's own storage account";
            text.Append(CultureInfo.InvariantCulture, $"""

                ## Durable pipes

                - The engine runs inside the handler, on {account}, with the app's identity: `bicep/` grants the
                  identity Storage Queue, Table and Blob Data Contributor there (on the app's own account the host's roles
                  already cover queues and blobs), and sets `{DurableEngineOptions.ConnectionVariable}` to the account's name and
                  `AZURE_CLIENT_ID` to the identity's client id (so that `DefaultAzureCredential` picks the user-assigned identity).
                - A flow advances only while a process of the app runs: `durable: true` keeps one always-ready instance
                  (`durableAlwaysReadyInstances`), billed for its memory all the time, idle or not.
                - `{PackageLayout.LocalSettings}` points the engine at Azurite (`{LocalSettings.DevelopmentStorage}`), as it does the host.

                """);
        }

        return text.ToString();
    }
}
