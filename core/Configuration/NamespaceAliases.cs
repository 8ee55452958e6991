namespace Switchyard.Core.Configuration;

/// <summary>
/// The <c>extra_config</c> namespaces Switchyard reads, and the old spellings KrakenD still accepts for
/// them. Raw <c>ExtraConfig</c> objects always hold the short names.
/// </summary>
public static class NamespaceAliases
{
    public const string Proxy = "proxy";
    public const string BackendHttp = "backend/http";
    public const string Router = "router";
    public const string AsyncAmqp = "async/amqp";
    public const string AsyncMemory = "async/memory";
    public const string AsyncServiceBus = "async/servicebus";
    public const string AsyncAzureQueue = "async/azure-queue";
    public const string ValidationCel = "validation/cel";

    /// <summary>Switchyard's own root namespace for its admin endpoints: <c>{"secret": "..."}</c>.</summary>
    public const string SwitchyardAdmin = "switchyard/admin";

    /// <summary>Switchyard's root namespace for its fan-out agents: <c>{"store": "path/to/subscriptions.json"}</c>.</summary>
    public const string SwitchyardFanOut = "switchyard/fanout";

    private static readonly Dictionary<string, string> ShortNames = new(StringComparer.Ordinal)
    {
        ["github.com/devopsfaith/krakend/proxy"] = Proxy,
        ["github.com/devopsfaith/krakend/http"] = BackendHttp,
        ["github_com/luraproject/lura/router/gin"] = Router,
        ["github.com/devopsfaith/krakend-amqp/agent"] = AsyncAmqp,
        ["github.com/devopsfaith/krakend-cel"] = ValidationCel,
    };

    /// <summary>The short name of <paramref name="ns"/>, or <paramref name="ns"/> itself when it has none.</summary>
    public static string Normalize(string ns) => ShortNames.TryGetValue(ns, out var shortName) ? shortName : ns;
}
