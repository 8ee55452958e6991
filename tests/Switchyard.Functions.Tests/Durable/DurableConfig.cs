using Microsoft.Extensions.Logging.Abstractions;
using Switchyard.Core.Configuration;
using Switchyard.Core.Durable;
using Switchyard.Core.Encoding;
using Switchyard.Core.Pipeline;
using Switchyard.Testing;

namespace Switchyard.Functions.Tests.Durable;

/// <summary>Configurations of durable gateways on the tests' Azurite, each on a task hub of its own, with fast polling.</summary>
internal static class DurableConfig
{
    private static int _hubs;

    /// <summary>A new task hub name, unique in this test run.</summary>
    public static string NewTaskHub() => $"t{Environment.ProcessId}x{Interlocked.Increment(ref _hubs)}";

    /// <summary>
    /// A v3 configuration with the engine on <paramref name="azurite"/> and <paramref name="endpoints"/>, and the admin
    /// endpoints' <paramref name="adminSecret"/> when one is given.
    /// </summary>
    public static string With(AzuriteServer azurite, string endpoints, string taskHub, string? adminSecret = null)
    {
        var admin = adminSecret is null ? "" : $$"""
            "switchyard/admin": {"secret": "{{adminSecret}}"},
            """;
        return $$$"""
            {"version": 3,
             "extra_config": { {{{admin}}}
               "switchyard/durable": {"connection": "{{{azurite.ConnectionString}}}", "task_hub": "{{{taskHub}}}",
               "partitions": 1, "queue_polling": "50ms", "status_polling": "10ms"} },
             "endpoints": [{{{endpoints}}}]}
            """;
    }

    /// <summary>
    /// Another client of <paramref name="krakendJson"/>'s task hub, as a second process would be: it can start flows and look
    /// at them, and runs steps too once started (<see cref="DurableEngine.StartAsync"/>).
    /// </summary>
    public static DurableEngine TaskHubOf(string krakendJson)
    {
        var config = ConfigLoader.Parse(krakendJson).Config ?? throw new InvalidOperationException("the configuration is invalid");
        return DurableEngine.OnAzureStorage(
            config.Durable!, new DurablePipes(config), new ProxyFactory(BackendHttpClient.Create(), DecoderRegistry.Default), NullLoggerFactory.Instance);
    }
}
