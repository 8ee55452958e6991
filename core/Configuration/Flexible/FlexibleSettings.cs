using System.Text.Json;
using Switchyard.Templates.Sprig;

namespace Switchyard.Core.Configuration.Flexible;

/// <summary>
/// The template's data: every <c>*.json</c> file directly in the settings folder, read as Go reads JSON into
/// <c>interface{}</c> (numbers are float64), under its name without <c>.json</c>. A file that is not a JSON object is an
/// error naming the file (and, for JSON that does not parse, its line and column); so is a folder that cannot be read.
/// </summary>
internal static class FlexibleSettings
{
    public static Dictionary<string, object?> Load(string? directory, List<ConfigProblem> errors)
    {
        var settings = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (directory is null)
        {
            return settings;
        }

        string[] files;
        try
        {
            files = Directory.GetFiles(directory, "*.json", SearchOption.TopDirectoryOnly);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            errors.Add(new ConfigProblem(directory, $"cannot read the settings folder ({FlexibleConfigOptions.SettingsVariable}, --settings): {e.Message}"));
            return settings;
        }

        foreach (var file in files.Order(StringComparer.Ordinal))
        {
            if (Read(file, errors) is { } values)
            {
                settings[Path.GetFileNameWithoutExtension(file)] = values;
            }
        }

        return settings;
    }

    private static IReadOnlyDictionary<string, object?>? Read(string file, List<ConfigProblem> errors)
    {
        try
        {
            if (JsonValues.Parse(File.ReadAllText(file)) is IReadOnlyDictionary<string, object?> values)
            {
                return values;
            }

            errors.Add(new ConfigProblem(file, "a settings file must hold a JSON object"));
        }
        catch (JsonException e)
        {
            errors.Add(new ConfigProblem($"{file}:{e.LineNumber + 1}:{e.BytePositionInLine + 1}", JsonErrorText.WithoutPosition(e)));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.Add(new ConfigProblem(file, $"cannot read the settings file: {e.Message}"));
        }

        return null;
    }
}
