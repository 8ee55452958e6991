namespace Switchyard.Core.Configuration.Validation;

/// <summary>The port is a TCP port; 0 in the file means the default, 8080.</summary>
internal sealed class PortValidator : IConfigValidator
{
    public void Validate(ServiceConfig config, ConfigProblems problems)
    {
        if (config.Port is < 0 or > 65535)
        {
            problems.Error("port", $"port must be between 0 and 65535, got {config.Port}");
        }
    }
}
