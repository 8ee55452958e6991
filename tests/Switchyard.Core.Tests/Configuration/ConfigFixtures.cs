using Switchyard.Core.Configuration;

namespace Switchyard.Core.Tests.Configuration;

/// <summary>Small builders for configuration texts, so each test shows only what it is about.</summary>
internal static class ConfigFixtures
{
    /// <summary>A valid version 3 service with a root host and the given endpoint objects.</summary>
    public static string Service(params string[] endpoints) =>
        $$"""{"version": 3, "host": ["http://backend:8000"], "endpoints": [{{string.Join(",", endpoints)}}]}""";

    /// <summary>A service with one GET endpoint <c>/e</c> whose single backend (<c>/b</c>) has the given extra keys.</summary>
    public static string ServiceWithBackend(string backendKeys) =>
        Service($$"""{"endpoint": "/e", "backend": [{"url_pattern": "/b" {{Comma(backendKeys)}}}]}""");

    /// <summary>A service with one endpoint <c>/e</c> (one backend) and the given extra endpoint keys.</summary>
    public static string ServiceWithEndpoint(string endpointKeys) =>
        Service($$"""{"endpoint": "/e", "backend": [{"url_pattern": "/b"}] {{Comma(endpointKeys)}}}""");

    /// <summary>The path of the workflow in <see cref="ServiceWithWorkflow"/>.</summary>
    public const string WorkflowPath = "endpoints[0].backend[0].extra_config.workflow";

    /// <summary>A service with one GET endpoint <c>/e</c> whose single backend (<c>/b</c>) opens the given workflow object.</summary>
    public static string ServiceWithWorkflow(string workflow) =>
        ServiceWithBackend($$"""
            "extra_config": {"workflow": {{workflow}}}
            """);

    /// <summary>A valid version 3 service with a root host, no endpoint, and the given <c>async_agent</c> objects.</summary>
    public static string ServiceWithAgents(params string[] agents) =>
        $$"""{"version": 3, "host": ["http://backend:8000"], "async_agent": [{{string.Join(",", agents)}}]}""";

    /// <summary>An agent on the embedded broker, topic <c>#</c>, one backend (<c>/b</c>), with the given extra agent keys.</summary>
    public static string MemoryAgent(string agentKeys = "") =>
        $$$"""{"consumer": {"topic": "#"}, "backend": [{"url_pattern": "/b"}], "extra_config": {"async/memory": {}} {{{Comma(agentKeys)}}}}""";

    /// <summary>A service whose single agent (on the embedded broker, topic <c>#</c>) has the given backend objects.</summary>
    public static string ServiceWithAgentBackends(params string[] backends) =>
        ServiceWithAgents("""{"consumer": {"topic": "#"}, "backend": [""" + string.Join(",", backends) + """], "extra_config": {"async/memory": {}}}""");

    /// <summary>Loads a text that must have no error.</summary>
    public static ServiceConfig LoadValid(string json)
    {
        var result = ConfigLoader.Parse(json);
        result.Errors.Should().BeEmpty();
        result.Config.Should().NotBeNull();
        return result.Config!;
    }

    /// <summary>Loads a text that must fail, and gives its errors as <c>path: message</c> texts.</summary>
    public static IReadOnlyList<string> LoadErrors(string json)
    {
        var result = ConfigLoader.Parse(json);
        result.Config.Should().BeNull();
        return result.Errors.Select(e => e.ToString()).ToList();
    }

    public static IReadOnlyList<string> LoadWarnings(string json) =>
        ConfigLoader.Parse(json).Warnings.Select(w => w.ToString()).ToList();

    private static string Comma(string keys) => keys.Length == 0 ? "" : ", " + keys;
}
