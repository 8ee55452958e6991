namespace Switchyard.Core.Configuration;

/// <summary>Collects the errors and warnings of one load, so every step reports all it finds.</summary>
internal sealed class ConfigProblems
{
    private readonly List<ConfigProblem> _errors = [];
    private readonly List<ConfigProblem> _warnings = [];

    public IReadOnlyList<ConfigProblem> Errors => _errors;

    public IReadOnlyList<ConfigProblem> Warnings => _warnings;

    public bool HasErrors => _errors.Count > 0;

    public void Error(string path, string message) => _errors.Add(new ConfigProblem(JsonPaths.Display(path), message));

    public void Warning(string path, string message) => _warnings.Add(new ConfigProblem(JsonPaths.Display(path), message));

    /// <summary>
    /// True when an error was already reported at <paramref name="path"/> or inside it. A value with the
    /// wrong type is read as missing; checks for missing values ask this first so one mistake is reported once.
    /// </summary>
    public bool HasErrorAt(string path)
    {
        var display = JsonPaths.Display(path);
        foreach (var error in _errors)
        {
            if (JsonPaths.IsSameOrInside(error.Path, display))
            {
                return true;
            }
        }

        return false;
    }
}
