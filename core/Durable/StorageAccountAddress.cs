using System.Text.RegularExpressions;

namespace Switchyard.Core.Durable;

/// <summary>
/// Where the engine's Azure Storage is, from <c>connection</c>: a connection string (settings as <c>name=value</c>;
/// <c>UseDevelopmentStorage=true</c> is Azurite), or an account reached with the managed identity, named either by
/// itself (<c>mystorage</c>, in Azure's public cloud) or by one of its service URLs
/// (<c>https://mystorage.blob.core.usgovcloudapi.net</c>: the other services are on the same cloud's suffix).
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
            return new StorageAccountAddress { ConnectionString = connection };
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

    private static StorageAccountAddress OnSuffix(string account, string suffix) => new()
    {
        AccountName = account,
        Services = (Service(account, "blob", suffix), Service(account, "queue", suffix), Service(account, "table", suffix)),
    };

    private static Uri Service(string account, string service, string suffix) => new($"https://{account}.{service}.{suffix}");

    [GeneratedRegex("^[a-z0-9]{3,24}$")]
    private static partial Regex AccountNamePattern();
}
