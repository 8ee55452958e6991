using Switchyard.Core.Security.BotDetection;

namespace Switchyard.Core.Configuration.Parsing;

/// <summary>Reads the <c>security/bot-detector</c> namespace of the service or of a published endpoint.</summary>
internal static class BotDetectorOptionsParser
{
    public static BotDetectorOptions? Parse(ExtraConfigSection extraConfig, ConfigProblems problems)
    {
        var reader = extraConfig.Open(NamespaceAliases.SecurityBotDetector, problems);
        if (reader is null)
        {
            return null;
        }

        var options = new BotDetectorOptions
        {
            Allow = reader.Strings("allow"),
            Deny = reader.Strings("deny"),
            Patterns = reader.Strings("patterns"),
            CacheSize = reader.Int("cache_size") ?? 0,
            EmptyUserAgentIsBot = reader.Bool("empty_user_agent_is_bot"),
        };
        reader.ReportUnknownKeys();
        return options;
    }
}
