using System.Text.RegularExpressions;

namespace Switchyard.Core.Durable;

/// <summary>
/// Where the engine's Azure Storage is, from <c>connection</c>: a connection string with its credential (settings as
/// <c>name=value</c>; <c>UseDevelopmentStorage=true</c> is Azurite), or an account reached with the managed identity,
/// named by itself (<c>mystorage</c>, in Azure's public cloud), by one of its service URLs
/// (<c>https://mystorage.blob.core.usgovcloudapi.net</c>: the other services are on the same cloud's suffix) or by a
/// connection string without a credential (<c>AccountName=mystorage;EndpointSuffix=...</c>).
/// </summary>
public sealed partial record StorageAccountAddress
{
    private const string PublicCloudSuffix = "core.windows.net";

    private StorageAccountAddress()
    {
    }

    /// <summary>The connection string, when the connection is one.</summary>
    public string? ConnectionString { get; private init; }

    /// <summary>The account's name, when the connection names an account.</summary>
    public string? AccountName { get; private init; }

    /// <summary>The blob, queue and table services the managed identity reaches, when the connection names an account.</summary>
    public (Uri Blob, Uri Queue, Uri Table)? Services { get; private init; }

    /// <summary>The address <paramref name="connection"/> gives, or null (with the reason) when it is none of the three forms.</summary>
    public static StorageAccountAddress? Parse(string connection, out string problem)
    {
        problem = "";
        if (connection.Contains('=', StringComparison.Ordinal))
        {
            var settings = Settings(connection);
            if (settings.TryGetValue("AccountName", out var name) && AccountNamePattern().IsMatch(name)
                && !settings.ContainsKey("AccountKey") && !settings.ContainsKey("SharedAccessSignature"))
            {
                // An account without a credential: the managed identity reaches it, on the cloud its suffix names.
                return OnSuffix(name, settings.TryGetValue("EndpointSuffix", out var cloud) && cloud.Length > 0 ? cloud : PublicCloudSuffix);
            }

            try
            {
                // The storage SDK's own reading of a connection string (no request is made); its message never holds the key.
                _ = new Azure.Storage.Queues.QueueServiceClient(connection);
                return new StorageAccountAddress { ConnectionString = connection };
            }
            catch (FormatException exception)
            {
                problem = "not an Azure Storage connection string: " + exception.Message;
                return null;
            }
        }

        if (AccountNamePattern().IsMatch(connection))
        {
            return OnSuffix(connection, PublicCloudSuffix);
        }

        if (Uri.TryCreate(connection, UriKind.Absolute, out var url)
            && url.Scheme == Uri.UriSchemeHttps
            && url.Host.Split('.', 3) is [var account, "blob" or "queue" or "table" or "dfs", var suffix]
            && AccountNamePattern().IsMatch(account))
        {
            return OnSuffix(account, suffix);
        }

        problem = "must be an Azure Storage connection string, an account name (3 to 24 lowercase letters or digits) "
            + "or an https URL of one of its services (https://<account>.blob.core.windows.net)";
        return null;
    }

    /// <summary>
    /// A connection string's settings: name=value pairs separated by ';', names case-insensitive, values kept whole (a
    /// key or a signature holds '=' itself).
    /// </summary>
    public static IReadOnlyDictionary<string, string> Settings(string connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in connection.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                settings[pair[..equals].Trim()] = pair[(equals + 1)..].Trim();
            }
        }

        return settings;
    }

    private static StorageAccountAddress OnSuffix(string account, string suffix) => new()
    {
        AccountName = account,
        Services = (Service(account, "blob", suffix), Service(account, "queue", suffix), Service(account, "table", suffix)),
    };

    private static Uri Service(string account, string service, string suffix) => new($"https://{account}.{service}.{suffix}");

    [GeneratedRegex("^[a-z0-9]{3,24}$")]
    private static partial Regex AccountNamePattern();
}
