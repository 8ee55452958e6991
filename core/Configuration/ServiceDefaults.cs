namespace Switchyard.Core.Configuration;

/// <summary>Defaults of the root object, as KrakenD documents them.</summary>
public static class ServiceDefaults
{
    public const int Port = 8080;
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);
    public const int ConcurrentCalls = 1;
    public const string Method = "GET";
}
