using Switchyard.Core.Security.BotDetection;

namespace Switchyard.Core.Configuration.Validation;

/// <summary>
/// Every <c>security/bot-detector</c> (the service's and the endpoints') has valid RE2 <c>patterns</c> and a
/// <c>cache_size</c> that is not negative. KrakenD logs a warning and runs without the detector; here the file is
/// refused, as a detector that is not installed lets every bot through.
/// </summary>
internal sealed class BotDetectorValidator : IConfigValidator
{
    public void Validate(ServiceConfig config, ConfigProblems problems)
    {
        Validate(config.BotDetector, NamespacePaths.BotDetector, problems);
        foreach (var endpoint in config.Endpoints)
        {
            Validate(endpoint.BotDetector, NamespacePaths.Of(NamespaceAliases.SecurityBotDetector, endpoint.JsonPath), problems);
        }
    }

    private static void Validate(BotDetectorOptions? detector, string path, ConfigProblems problems)
    {
        if (detector is null)
        {
            return;
        }

        if (detector.CacheSize < 0)
        {
            problems.Error(path + ".cache_size", $"must not be negative, got {detector.CacheSize}");
        }

        var patternsPath = path + ".patterns";
        if (problems.HasErrorAt(patternsPath))
        {
            return; // a non-string entry was dropped: indexes would no longer match the file
        }

        for (var i = 0; i < detector.Patterns.Count; i++)
        {
            if (!BotDetector.TryCompile(detector.Patterns[i], out _, out var error))
            {
                problems.Error(JsonPaths.Index(patternsPath, i), error);
            }
        }
    }
}
