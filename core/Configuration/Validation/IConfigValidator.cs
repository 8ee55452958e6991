namespace Switchyard.Core.Configuration.Validation;

/// <summary>
/// One rule of a valid configuration. It runs after the cascade and reports every breach it finds, each
/// with the JSON path of the offending value.
/// </summary>
internal interface IConfigValidator
{
    void Validate(ServiceConfig config, ConfigProblems problems);
}
