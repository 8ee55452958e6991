using System.Text.Json;
using Switchyard.Templates;

namespace Switchyard.Core.Tests.Templates;

/// <summary>Parses and renders one template named "t" with Go's built-ins and data given as JSON (numbers are float64).</summary>
internal static class TemplateRun
{
    public static string Render(string template, string? json = null)
    {
        var set = new TemplateSet(TemplateFunctions.Builtins());
        set.Parse("t", template);
        return set.Render("t", Data(json));
    }

    /// <summary>The error parsing or executing the template gives.</summary>
    public static TemplateException Error(string template, string? json = null)
    {
        var act = () => Render(template, json);
        return act.Should().Throw<TemplateException>().Which;
    }

    public static object? Data(string? json) =>
        json is null ? null : GoValues.FromJson(JsonDocument.Parse(json).RootElement);
}
