namespace Switchyard.Core.Configuration.Validation;

/// <summary>The health endpoint is served at an absolute path.</summary>
internal sealed class RouterValidator : IConfigValidator
{
    public void Validate(ServiceConfig config, ConfigProblems problems)
    {
        if (!config.Router.HealthPath.StartsWith('/'))
        {
            problems.Error("extra_config.router.health_path", $"must start with '/', got '{config.Router.HealthPath}'");
        }
    }
}
