using Switchyard.Templates.Parsing;

namespace Switchyard.Templates;

/// <summary>
/// One parsed template: its name, the tree, and the file it was parsed from (<see cref="ParseName"/>, whose text the
/// nodes' positions refer to; a <c>define</c> shares the file of the template that holds it).
/// </summary>
internal sealed class TemplateTree(string name, string parseName, string text, ListNode root)
{
    public string Name { get; } = name;

    public string ParseName { get; } = parseName;

    public string Text { get; } = text;

    public ListNode Root { get; } = root;

    /// <summary>The 1-based line and column (in characters) of <paramref name="position"/> in <paramref name="text"/>.</summary>
    public static (int Line, int Column) LineAndColumn(string text, int position)
    {
        position = Math.Clamp(position, 0, text.Length);
        var span = text.AsSpan(0, position);
        var line = 1 + span.Count('\n');
        var lineStart = span.LastIndexOf('\n') + 1;
        return (line, position - lineStart + 1);
    }
}
