namespace Switchyard.Core.Configuration.Validation;

/// <summary>The JSON paths of namespaces, for messages.</summary>
internal static class NamespacePaths
{
    /// <summary>The service's <c>security/cors</c>.</summary>
    public static readonly string Cors = Of(NamespaceAliases.SecurityCors);

    /// <summary>The service's <c>security/http</c>.</summary>
    public static readonly string HttpSecurity = Of(NamespaceAliases.SecurityHttp);

    /// <summary>The service's <c>security/bot-detector</c>.</summary>
    public static readonly string BotDetector = Of(NamespaceAliases.SecurityBotDetector);

    /// <summary>The path of namespace <paramref name="name"/> inside the <c>extra_config</c> of the object at <paramref name="owner"/>.</summary>
    public static string Of(string name, string owner = "") => JsonPaths.Property(JsonPaths.Property(owner, "extra_config"), name);
}
