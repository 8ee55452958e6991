using Switchyard.Templates;

namespace Switchyard.Core.Configuration.Flexible;

/// <summary>
/// Renders a flexible configuration as KrakenD does: the settings are loaded, the file is parsed as a template named
/// by its file name, then every <c>*.tmpl</c> of the templates folder by theirs, and the file's template is executed
/// with the settings as its data. Unlike KrakenD, which falls back to reading the unrendered file as JSON, any error
/// stops here with its file, line and column.
/// </summary>
public static class FlexibleConfigRenderer
{
    public static FlexibleRendering Render(string path, FlexibleConfigOptions options, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<ConfigProblem>();
        var settings = FlexibleSettings.Load(options.SettingsDirectory, errors);
        var templates = new TemplateSet(FlexibleFunctions.Create(options.PartialsDirectory, environment));
        var name = Path.GetFileName(path);
        Parse(templates, name, path, errors);
        foreach (var file in SubTemplates(options.TemplatesDirectory, errors))
        {
            Parse(templates, Path.GetFileName(file), file, errors);
        }

        if (errors.Count > 0)
        {
            return new FlexibleRendering(null, errors, []);
        }

        var noValues = new List<PrintedNoValue>();
        try
        {
            return new FlexibleRendering(templates.Render(name, settings, noValues), [], noValues);
        }
        catch (TemplateException e)
        {
            return new FlexibleRendering(null, [Problem(e)], noValues);
        }
    }

    private static void Parse(TemplateSet templates, string name, string file, List<ConfigProblem> errors)
    {
        string text;
        try
        {
            text = File.ReadAllText(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            errors.Add(new ConfigProblem(file, $"cannot read the template: {e.Message}"));
            return;
        }

        try
        {
            templates.Parse(name, text);
        }
        catch (TemplateException e)
        {
            errors.Add(Problem(e));
        }
    }

    private static IEnumerable<string> SubTemplates(string? directory, List<ConfigProblem> errors)
    {
        if (directory is null)
        {
            return [];
        }

        try
        {
            return Directory.GetFiles(directory, "*.tmpl", SearchOption.TopDirectoryOnly).Order(StringComparer.Ordinal);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            errors.Add(new ConfigProblem(directory, $"cannot read the templates folder ({FlexibleConfigOptions.TemplatesVariable}, --templates): {e.Message}"));
            return [];
        }
    }

    private static ConfigProblem Problem(TemplateException e) => new($"{e.TemplateName}:{e.Line}:{e.Column}", e.Text);
}
