namespace Switchyard.Templates;

/// <summary>One parsed template: its name and the text its positions refer to.</summary>
internal sealed class TemplateTree(string name, string text)
{
    public string Name { get; } = name;

    public string Text { get; } = text;
}
