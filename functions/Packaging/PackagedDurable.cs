using Switchyard.Core.Configuration;
using Switchyard.Core.Durable;

namespace Switchyard.Functions.Packaging;

/// <summary>
/// Durable pipes in a packaged function app. The engine runs inside the handler, on a storage account reached with the
/// app's identity: the one <c>connection</c> names (an account name, an <c>https://</c> account URL or a connection
/// string's <c>AccountName</c>), else the app's own storage account. <c>bicep/</c> grants the identity the engine's
/// storage roles, sets <c>SWITCHYARD_DURABLE_CONNECTION</c> to the account's name and keeps always-ready instances,
/// since an orchestration advances only while a process of the app runs.
/// </summary>
/// <param name="StorageAccount">The account <c>connection</c> names, or null for the app's own storage account.</param>
internal sealed record PackagedDurable(string? StorageAccount)
{
    /// <summary>Azurite's development account: its key is published in the emulator's documentation, so not a secret.</summary>
    public const string DevelopmentAccountName = "devstoreaccount1";

    private const string DevelopmentAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private const string ConnectionPath = DurableEngineOptions.JsonPath + ".connection";

    /// <summary>The settings that hold a credential in a storage connection string.</summary>
    private static readonly string[] SecretSettings = ["AccountKey", "SharedAccessSignature"];

    /// <summary>
    /// The durable deployment of <paramref name="config"/>, or null when it has no durable pipe; problems (a secret in
    /// <c>connection</c>) go to <paramref name="errors"/>.
    /// </summary>
    public static PackagedDurable? Of(ServiceConfig config, List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(config);
        var connection = config.Durable?.Connection ?? "";

        // Checked even without a durable pipe: the configuration is deployed as it is, engine settings included.
        if (Secret(connection) is { } secret)
        {
            errors.Add($"{ConnectionPath}: holds a storage credential ({secret}), and package copies the configuration into the app as it is, "
                + "so the credential would be deployed in clear. In the function app the engine reaches storage with the app's identity "
                + $"(bicep/ sets {DurableEngineOptions.ConnectionVariable} to the account's name): write the account's name here, or "
                + $"UseDevelopmentStorage=true, and give a connection string to local runs through {DurableEngineOptions.ConnectionVariable}");
            return null;
        }

        if (!new DurablePipes(config).Any)
        {
            return null;
        }

        // The connection's form was checked when the configuration loaded.
        return new PackagedDurable(AccountOf(connection));
    }

    /// <summary>The line <c>package</c> prints: what the deployment does for the durable pipes, and what it costs.</summary>
    public string Note => "durable pipes: main.parameters.json sets durable: true, so bicep/ grants the app's identity queue, table and "
        + $"blob data access on {AccountText}, sets {DurableEngineOptions.ConnectionVariable} to its name, and keeps one "
        + "always-ready instance (durableAlwaysReadyInstances): a flow's timers and queued steps advance only while a process of the "
        + "app runs. An always-ready instance is billed for its memory all the time, idle or not, plus its executions, with no free "
        + "grant; see the README's \"Durable pipes in a function app\".";

    private string AccountText => StorageAccount is null
        ? "the app's own storage account"
        : $"the storage account '{StorageAccount}' (durableStorageAccountName: it must be in the deployment's resource group)";

    /// <summary>The name of the credential setting in a connection string, or null (the emulator's published key is no secret).</summary>
    public static string? Secret(string connection)
    {
        // A signature in an account URL's query (sig=...) is as much a credential as one in a connection string.
        if (connection.Contains("sig=", StringComparison.OrdinalIgnoreCase))
        {
            return "SharedAccessSignature";
        }

        var settings = StorageAccountAddress.Settings(connection);
        var development = settings.TryGetValue("AccountName", out var name) && name == DevelopmentAccountName;
        return SecretSettings.FirstOrDefault(key => settings.TryGetValue(key, out var value) && value.Length > 0
            && !(development && key == "AccountKey" && value == DevelopmentAccountKey));
    }

    /// <summary>
    /// The account <paramref name="connection"/> names for the managed identity, or null for the app's own: none, or a
    /// connection string with a credential (only the emulator's passes <see cref="Secret"/>).
    /// </summary>
    public static string? AccountOf(string connection) =>
        connection.Length == 0 ? null : StorageAccountAddress.Parse(connection, out _)?.AccountName;
}
