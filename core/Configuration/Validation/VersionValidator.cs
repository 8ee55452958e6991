namespace Switchyard.Core.Configuration.Validation;

/// <summary>Only the version 3 format is read; a missing version counts as 0.</summary>
internal sealed class VersionValidator : IConfigValidator
{
    public const int SupportedVersion = 3;

    public void Validate(ServiceConfig config, ConfigProblems problems)
    {
        if (config.Version != SupportedVersion && !problems.HasErrorAt("version"))
        {
            problems.Error("version", $"unsupported version: {config.Version} (want: {SupportedVersion})");
        }
    }
}
