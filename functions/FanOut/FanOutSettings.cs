using System.Text.Json.Nodes;
using Switchyard.Core.Configuration;
using Switchyard.Core.FanOut;

namespace Switchyard.Functions.FanOut;

/// <summary>
/// Where the gateway's fan-out subscriptions come from: the static ones of <c>SWITCHYARD_SUBSCRIPTIONS</c> (or Leek's
/// <c>LEEK_AGENT_SUBSCRIPTIONS</c>) and the store file of the dynamic ones.
/// </summary>
internal sealed record FanOutSettings
{
    /// <summary>Overrides the store file of the configuration.</summary>
    public const string StoreVariable = "SWITCHYARD_SUBSCRIPTIONS_FILE";

    /// <summary>The store file when neither the variable nor <c>extra_config["switchyard/fanout"].store</c> names one.</summary>
    public const string DefaultStore = "subscriptions.json";

    public required IReadOnlyList<Subscription> Static { get; init; }

    /// <summary>The dynamic subscriptions' file, relative paths resolved against the working directory.</summary>
    public required string StorePath { get; init; }

    /// <summary>The settings of <paramref name="config"/>; throws <see cref="SubscriptionException"/> for invalid static subscriptions.</summary>
    public static FanOutSettings From(ServiceConfig config, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var store = environment(StoreVariable);
        if (string.IsNullOrWhiteSpace(store))
        {
            store = config.ExtraConfig[NamespaceAliases.SwitchyardFanOut] is JsonObject fanOut && fanOut["store"] is JsonValue value
                && value.TryGetValue(out string? configured) && !string.IsNullOrWhiteSpace(configured)
                ? configured
                : DefaultStore;
        }

        return new FanOutSettings { Static = SubscriptionSources.FromEnvironment(environment), StorePath = Path.GetFullPath(store) };
    }
}
